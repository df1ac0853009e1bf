import type { OutgoingResponse } from './outgoing-response';
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
  /** @defaultValue 200 */
  readonly status?: number;
  /** Response headers, in any case. A `set-cookie` entry is moved to `cookies`. */
  readonly headers?: Readonly<Record<string, HeaderValue>>;
  /** Complete `Set-Cookie` values, each sent as its own header (or v2 `cookies` entry). */
  readonly cookies?: readonly string[];
  /**
   * A string (sent as text), a `Buffer`/`Uint8Array` (sent base64-encoded), or any other value
   * (sent as JSON). `undefined` sends no body.
   */
  readonly body?: unknown;
}

/**
 * A response with full control over status, headers, cookies and body. Return it from a
 * controller method.
 *
 * @example
 * ```ts
 * return new HttpResponse({ status: 201, headers: { location: `/users/${user.id}` }, body: user });
 * ```
 */
export class HttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, readonly string[]>>;
  readonly cookies: readonly string[];
  readonly body: unknown;

  constructor(init: HttpResponseInit = {}) {
    this.status = init.status ?? 200;
    const headers: Record<string, string[]> = Object.create(null);
    const cookies = [...(init.cookies ?? [])];
    for (const [name, value] of Object.entries(init.headers ?? {})) {
      const values = typeof value === 'object' ? value.map(String) : [String(value)];
      const key = name.toLowerCase();
      // A Set-Cookie in the header map would be folded into one line by some sources; keeping
      // every cookie in one list lets each source write them the way it can carry several.
      if (key === 'set-cookie') cookies.push(...values);
      else headers[key] = [...(headers[key] ?? []), ...values];
    }
    this.headers = headers;
    this.cookies = cookies;
    this.body = init.body;
  }
}

function encodeBody(body: unknown): { text: string; binary: boolean; contentType: string } {
  if (typeof body === 'string') {
    return { text: body, binary: false, contentType: 'text/plain; charset=utf-8' };
  }
  if (body instanceof Uint8Array) {
    return {
      text: Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('base64'),
      binary: true,
      contentType: 'application/octet-stream',
    };
  }
  return { text: JSON.stringify(body), binary: false, contentType: 'application/json' };
}

/**
 * Turns an `HttpResponse` into the source-neutral form every event source writes. The body is
 * dropped for HEAD requests and for statuses that carry none (204, 304, 1xx).
 *
 * @throws when the body cannot be serialized to JSON (a `BigInt`, a cycle).
 */
export function toOutgoingResponse(response: HttpResponse, method: string): OutgoingResponse {
  const headers: Record<string, readonly string[]> = { ...response.headers };
  const { status, cookies } = response;
  const empty = { status, headers, cookies, body: '', isBase64Encoded: false };
  if (response.body === undefined || isNullBodyStatus(status)) return empty;
  const encoded = encodeBody(response.body);
  headers['content-type'] ??= [encoded.contentType];
  // HEAD gets the headers GET would send, content-type included, and no body.
  if (method === 'HEAD') return empty;
  const encoding = headers['content-encoding']?.[0]?.toLowerCase();
  // A compressed text body is bytes, not text: API Gateway must get it base64-encoded.
  const compressed = encoding !== undefined && encoding !== 'identity';
  const body =
    compressed && !encoded.binary
      ? Buffer.from(encoded.text, 'utf8').toString('base64')
      : encoded.text;
  return { status, headers, cookies, body, isBase64Encoded: encoded.binary || compressed };
}
