import type { Context } from 'aws-lambda';
import { parseCookieHeader } from '../http/cookies';
import type { QueryParameters } from '../http/query';
import { type LambdaHttpRequest, READ_BODY_TEXT, READ_HEADER, TO_PLAIN } from '../http/request';

/**
 * How a source reads the parts of its event that a route may never look at. One object per
 * source, made once: a request holds it instead of a closure per request.
 */
export interface LazyParts {
  /** Null-prototype map, names in lower case, as the source delivers them (cookies merged). */
  headers(event: unknown): Record<string, string>;
  /**
   * One header by its lower-case name, as `headers` would give it; absent where the event's
   * layout makes that no cheaper than reading them all.
   */
  header?(event: unknown, name: string): string | undefined;
  query(event: unknown): QueryParameters;
  body(event: unknown): Buffer | undefined;
  /** The body when the event holds it as text that `body` would decode to unchanged. */
  bodyText(event: unknown): string | undefined;
}

/** What a source reads from its event at once: everything routing and logging need. */
export interface EagerParts {
  readonly method: string | undefined;
  readonly path: string | undefined;
  readonly sourceIp: string | undefined;
  readonly sourceRequestId: string | undefined;
  /** Headers a source had to read already (the load balancer's client address is in one). */
  readonly headers?: Record<string, string> | undefined;
  readonly event: unknown;
  readonly context: Context;
}

function withLeadingSlash(path: string): string {
  return path.startsWith('/') ? path : `/${path}`;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === '' ? undefined : value;
}

/**
 * The request a source reads from its event: method, path and ids at once, headers, query,
 * cookies and body at their first read. A `GET /users/{id}` binds only its path parameter, so it
 * never pays for the dozen headers API Gateway adds; whatever reads a part gets exactly what an
 * eager read would give (upper-case method, a path that starts with `/`, a `content-length` that
 * matches the body received).
 *
 * Its parts are getters, which a spread (`{ ...request }`) does not copy: the request is made
 * plain (`plainRequest`) before user code can see it.
 */
export class EventRequest implements LambdaHttpRequest {
  readonly method: string;
  readonly path: string;
  readonly sourceIp: string | undefined;
  readonly sourceRequestId: string | undefined;
  readonly event: unknown;
  readonly context: Context;
  readonly #parts: LazyParts;
  #rawHeaders: Record<string, string> | undefined;
  #headers: Record<string, string> | undefined;
  #query: QueryParameters | undefined;
  #cookies: Record<string, string> | undefined;
  #body: Buffer | undefined;
  #bodyRead = false;
  #plain: LambdaHttpRequest | undefined;

  constructor(eager: EagerParts, parts: LazyParts) {
    this.method = (eager.method ?? '').toUpperCase();
    this.path = withLeadingSlash(eager.path ?? '/');
    this.sourceIp = nonEmpty(eager.sourceIp);
    this.sourceRequestId = nonEmpty(eager.sourceRequestId);
    this.event = eager.event;
    this.context = eager.context;
    this.#parts = parts;
    this.#rawHeaders = eager.headers;
  }

  get headers(): Record<string, string> {
    if (this.#headers !== undefined) return this.#headers;
    const headers = this.#rawHeaders ?? this.#parts.headers(this.event);
    // The incoming content-length describes the client's bytes, not the (possibly
    // base64-decoded) body Lambda received; a handler trusting a stale one can over- or
    // under-read.
    const body = this.body;
    if (body === undefined) delete headers['content-length'];
    else headers['content-length'] = String(body.length);
    this.#headers = headers;
    return headers;
  }

  /** One header, without parsing the others while nothing has read them (see `headerOf`). */
  [READ_HEADER](name: string): string | undefined {
    // content-length follows the body and cookie the event's cookie list: both need the whole.
    const { header } = this.#parts;
    if (this.#headers !== undefined || header === undefined) return this.headers[name];
    if (name === 'content-length' || name === 'cookie') return this.headers[name];
    return header(this.event, name);
  }

  get query(): QueryParameters {
    this.#query ??= this.#parts.query(this.event);
    return this.#query;
  }

  get cookies(): Record<string, string> {
    this.#cookies ??= parseCookieHeader(this.headers['cookie']);
    return this.#cookies;
  }

  get body(): Buffer | undefined {
    if (!this.#bodyRead) {
      this.#body = this.#parts.body(this.event);
      this.#bodyRead = true;
    }
    return this.#body;
  }

  /** The body as the event's text while nothing has made its bytes (see `eventBodyTextOf`). */
  [READ_BODY_TEXT](): string | undefined {
    return this.#bodyRead ? undefined : this.#parts.bodyText(this.event);
  }

  /** The same request as a plain object, made once: see `plainRequest`. */
  [TO_PLAIN](): LambdaHttpRequest {
    this.#plain ??= {
      method: this.method,
      path: this.path,
      headers: this.headers,
      query: this.query,
      cookies: this.cookies,
      body: this.body,
      sourceIp: this.sourceIp,
      sourceRequestId: this.sourceRequestId,
      event: this.event,
      context: this.context,
    };
    return this.#plain;
  }
}
