import { encodeBase64 } from './encoding';
import { setEntry } from './headers';
import { isNullBodyStatus } from './status';

/**
 * Header values an `HttpResponse` accepts; numbers are sent as strings.
 *
 * @example
 * ```ts
 * const headers: Record<string, HeaderValue> = { 'cache-control': 'no-store', 'x-count': 3 };
 * ```
 */
export type HeaderValue = string | number | readonly string[];

/**
 * What `new HttpResponse(...)` takes.
 *
 * @example
 * ```ts
 * const init: HttpResponseInit = { status: 202, headers: { location: '/jobs/7' }, body: { id: 7 } };
 * return new HttpResponse(init);
 * ```
 */
export interface HttpResponseInit {
  /** An integer from 100 to 599; anything else is sent as 500. @defaultValue 200 */
  readonly status?: number;
  /** Response headers, in any case. A `set-cookie` entry is moved to `cookies`. */
  readonly headers?: Readonly<Record<string, HeaderValue>>;
  /** Complete `Set-Cookie` values, each sent as its own header (or v2 `cookies` entry). */
  readonly cookies?: readonly string[];
  /**
   * A string (sent as text), a `Buffer`/`Uint8Array` (sent base64-encoded), a stream (a Node
   * `Readable`, a web `ReadableStream` or any `AsyncIterable` of strings and bytes: streamed where
   * the invocation streams, collected otherwise), or any other value (sent as JSON). `undefined`
   * sends no body.
   */
  readonly body?: unknown;
}

/**
 * How a response body is sent: none, text, base64 bytes, a value serialized as JSON, or chunks
 * as a stream produces them.
 */
export type BodyKind = 'none' | 'text' | 'binary' | 'json' | 'stream';

type HeaderMap = Record<string, readonly string[]>;

/**
 * A response with full control over status, headers, cookies and body. Return it from a
 * controller method.
 *
 * The constructor is the one place a response is normalised: header names lower-cased and values
 * turned into lists of strings, every `Set-Cookie` moved to `cookies` (a folded `Set-Cookie`
 * header breaks on the comma of an `Expires` date), the status checked, the body's kind decided.
 *
 * @example
 * ```ts
 * return new HttpResponse({ status: 201, headers: { location: `/users/${user.id}` }, body: user });
 * ```
 */
export class HttpResponse {
  /** An integer from 100 to 599: API Gateway answers 502 for anything else, so it becomes 500. */
  readonly status: number;
  /** Lower-case names, each with its values; never `set-cookie`. */
  readonly headers: Readonly<HeaderMap>;
  /** Every `Set-Cookie` value, each whole. */
  readonly cookies: readonly string[];
  readonly body: unknown;
  readonly bodyKind: BodyKind;

  constructor(init: HttpResponseInit = {}) {
    const status = init.status ?? 200;
    this.status = Number.isInteger(status) && status >= 100 && status <= 599 ? status : 500;
    const headers: Record<string, string[]> = Object.create(null);
    const cookies = init.cookies === undefined ? [] : init.cookies.map(String);
    // Most answers are a value and a status: no headers to walk.
    if (init.headers !== undefined) {
      for (const name of Object.keys(init.headers)) {
        appendHeader(headers, cookies, name, init.headers[name] as HeaderValue);
      }
    }
    this.headers = headers;
    this.cookies = cookies;
    this.body = init.body;
    this.bodyKind = kindOf(init.body);
  }

  /**
   * The same response with `headers` added; a name it already has gets the new values instead.
   *
   * @param headers - Headers to set, in any case; `set-cookie` values are added to `cookies`.
   * @returns A new response; this one is unchanged.
   * @example
   * ```ts
   * return response.withHeaders({ 'cache-control': 'no-store' });
   * ```
   */
  withHeaders(headers: Readonly<Record<string, HeaderValue>>): HttpResponse {
    const merged: Record<string, string[]> = Object.create(null);
    for (const name of Object.keys(this.headers)) merged[name] = [...(this.headers[name] ?? [])];
    const cookies = [...this.cookies];
    for (const [name, value] of Object.entries(headers)) {
      delete merged[name.toLowerCase()];
      appendHeader(merged, cookies, name, value);
    }
    // Everything else is normalised already: copy it rather than run the constructor again.
    const copy: HttpResponse = Object.create(HttpResponse.prototype);
    return Object.assign(copy, {
      status: this.status,
      headers: merged,
      cookies,
      body: this.body,
      bodyKind: this.bodyKind,
    });
  }
}

function appendHeader(
  headers: Record<string, string[]>,
  cookies: string[],
  name: string,
  value: HeaderValue,
): void {
  const key = name.toLowerCase();
  const values = typeof value === 'object' ? value : [value];
  if (values.length === 0) return;
  let target = cookies;
  if (key !== 'set-cookie') {
    target = headers[key] ?? [];
    headers[key] = target;
  }
  for (const one of values) target.push(String(one));
}

/**
 * A body produced chunk by chunk: Node `Readable`s, web `ReadableStream`s and async generators
 * all implement `Symbol.asyncIterator`.
 */
export function isStreamBody(body: unknown): body is AsyncIterable<unknown> {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof Reflect.get(body, Symbol.asyncIterator) === 'function'
  );
}

function kindOf(body: unknown): BodyKind {
  if (body === undefined) return 'none';
  if (typeof body === 'string') return 'text';
  if (body instanceof Uint8Array) return 'binary';
  if (isStreamBody(body)) return 'stream';
  return 'json';
}

/**
 * A response as every event source writes it: the body serialized, text or base64, and nothing
 * left to check. Header names are lower case; every `Set-Cookie` lives in `cookies`.
 */
export interface OutgoingResponse {
  readonly status: number;
  readonly headers: Readonly<HeaderMap>;
  readonly cookies: readonly string[];
  /** Text, or base64 when `isBase64Encoded` is true; `''` when there is no body. */
  readonly body: string;
  readonly isBase64Encoded: boolean;
}

/** The `content-type` a body of each kind gets when the response names none. */
export const DEFAULT_CONTENT_TYPE: Readonly<Record<Exclude<BodyKind, 'none'>, string>> = {
  text: 'text/plain; charset=utf-8',
  binary: 'application/octet-stream',
  json: 'application/json',
  stream: 'application/octet-stream',
};

/** Each default content type as a header value, made once: the lists are never changed. */
const DEFAULT_CONTENT_TYPE_VALUES: Readonly<Record<Exclude<BodyKind, 'none'>, readonly string[]>> =
  {
    text: Object.freeze([DEFAULT_CONTENT_TYPE.text]),
    binary: Object.freeze([DEFAULT_CONTENT_TYPE.binary]),
    json: Object.freeze([DEFAULT_CONTENT_TYPE.json]),
    stream: Object.freeze([DEFAULT_CONTENT_TYPE.stream]),
  };

/**
 * Serializes an `HttpResponse` for the event sources. The body is dropped for HEAD requests and
 * for statuses that carry none (204, 205, 304, 1xx); HEAD keeps the headers GET would send.
 *
 * @param stringify - Writes a JSON body as text: `JSON.stringify` unless another is given.
 * @throws when the body cannot be serialized to JSON (a `BigInt`, a cycle), or is a stream (collect
 * it first).
 */
export function toOutgoingResponse(
  response: HttpResponse,
  method: string,
  stringify: (body: unknown) => string | undefined = plainJson,
): OutgoingResponse {
  const { status, cookies, bodyKind } = response;
  const headers: HeaderMap = {};
  for (const name of Object.keys(response.headers)) {
    setEntry(headers, name, response.headers[name] as readonly string[]);
  }
  if (bodyKind === 'none' || isNullBodyStatus(status)) {
    return { status, headers, cookies, body: '', isBase64Encoded: false };
  }
  const text = serialize(response, stringify);
  headers['content-type'] ??= DEFAULT_CONTENT_TYPE_VALUES[bodyKind];
  if (method === 'HEAD') return { status, headers, cookies, body: '', isBase64Encoded: false };
  const encoding = headers['content-encoding']?.[0]?.toLowerCase();
  // A compressed text body is bytes, not text: API Gateway must get it base64-encoded.
  const compressed = encoding !== undefined && encoding !== 'identity';
  if (bodyKind === 'binary' || !compressed) {
    return { status, headers, cookies, body: text, isBase64Encoded: bodyKind === 'binary' };
  }
  return { status, headers, cookies, body: encodeBase64(Buffer.from(text)), isBase64Encoded: true };
}

function plainJson(body: unknown): string | undefined {
  return JSON.stringify(body);
}

function serialize(
  response: HttpResponse,
  stringify: (body: unknown) => string | undefined,
): string {
  const { body } = response;
  if (response.bodyKind === 'stream') {
    throw new TypeError('A stream body is written as it comes or collected, never serialized.');
  }
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return encodeBase64(body);
  const json = stringify(body);
  // JSON.stringify gives undefined, not text, for a function or a symbol.
  if (json === undefined) throw new TypeError(`A ${typeof body} cannot be sent as JSON.`);
  return json;
}
