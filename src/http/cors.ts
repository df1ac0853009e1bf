import type { HttpResponse } from './response';

/**
 * CORS settings for `createHandler`.
 *
 * @example
 * ```ts
 * const cors: CorsOptions = { origins: ['https://app.example.com'], credentials: true, maxAge: 600 };
 * export const handler = createHandler(UsersController, { cors });
 * ```
 */
export interface CorsOptions {
  /**
   * Allowed origins: `'*'`, a list of exact origins (`https://app.example.com`), or a function.
   * @defaultValue `'*'`
   */
  readonly origins?: '*' | readonly string[] | ((origin: string) => boolean);
  /** Methods allowed in preflight answers. @defaultValue the methods of the requested path */
  readonly methods?: readonly string[];
  /** Request headers allowed. @defaultValue the ones the preflight asks for */
  readonly headers?: readonly string[];
  /** Response headers the browser may read. @defaultValue none */
  readonly exposedHeaders?: readonly string[];
  /** Allow cookies and credentials; the origin is then echoed, never `*`. @defaultValue false */
  readonly credentials?: boolean;
  /** Seconds a browser may cache a preflight answer. @defaultValue not sent */
  readonly maxAge?: number;
}

/** Applies CORS options to requests and responses. */
export class CorsPolicy {
  readonly #options: CorsOptions;

  constructor(options: CorsOptions) {
    this.#options = options;
  }

  #isAllowed(origin: string): boolean {
    const origins = this.#options.origins ?? '*';
    if (origins === '*') return true;
    if (typeof origins === 'function') return origins(origin);
    return origins.includes(origin);
  }

  /**
   * Headers for a response to a request from `origin`. Credentials and any list of origins echo
   * the origin and add `Vary: Origin`, so caches keep one answer per origin.
   */
  responseHeaders(origin: string | undefined): Record<string, string> {
    if (origin === undefined || !this.#isAllowed(origin)) return {};
    const echo =
      this.#options.credentials === true ||
      (this.#options.origins !== undefined && this.#options.origins !== '*');
    const headers: Record<string, string> = { 'access-control-allow-origin': echo ? origin : '*' };
    if (echo) headers['vary'] = 'Origin';
    if (this.#options.credentials === true) headers['access-control-allow-credentials'] = 'true';
    if (this.#options.exposedHeaders !== undefined && this.#options.exposedHeaders.length > 0) {
      headers['access-control-expose-headers'] = this.#options.exposedHeaders.join(', ');
    }
    return headers;
  }

  /** Headers answering a preflight; none when the origin is not allowed. */
  preflightHeaders(
    origin: string,
    requestHeaders: string | undefined,
    pathMethods: readonly string[],
  ): Record<string, string> {
    const headers = this.responseHeaders(origin);
    if (headers['access-control-allow-origin'] === undefined) return headers;
    headers['access-control-allow-methods'] = (this.#options.methods ?? pathMethods).join(', ');
    const allowHeaders = this.#options.headers?.join(', ') ?? requestHeaders;
    if (allowHeaders !== undefined && allowHeaders !== '')
      headers['access-control-allow-headers'] = allowHeaders;
    if (this.#options.maxAge !== undefined)
      headers['access-control-max-age'] = String(this.#options.maxAge);
    if (this.#options.headers === undefined && requestHeaders !== undefined) {
      headers['vary'] =
        headers['vary'] === undefined
          ? 'Access-Control-Request-Headers'
          : `${headers['vary']}, Access-Control-Request-Headers`;
    }
    return headers;
  }

  /**
   * The CORS step for an answer to a cross-origin request: `response` with the headers for
   * `origin` added, or unchanged when the request has no `Origin`.
   */
  decorate(response: HttpResponse, origin: string | undefined): HttpResponse {
    if (origin === undefined) return response;
    return response.withHeaders(this.responseHeaders(origin));
  }

  /**
   * The CORS step for the framework's own OPTIONS answer: a preflight (an `Origin` and an
   * `Access-Control-Request-Method`) gets the preflight headers for the methods in `allow`.
   */
  preflight(
    response: HttpResponse,
    requestHeaders: Readonly<Record<string, string>>,
  ): HttpResponse {
    const origin = requestHeaders['origin'];
    if (origin === undefined || requestHeaders['access-control-request-method'] === undefined) {
      return response;
    }
    const allow = response.headers['allow']?.flatMap((value) => value.split(', ')) ?? [];
    return response.withHeaders(
      this.preflightHeaders(origin, requestHeaders['access-control-request-headers'], allow),
    );
  }
}
