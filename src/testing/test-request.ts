import type { TestPrincipal } from './authorizer-context';

/**
 * The event source a test request travels through: `http-api` (HTTP API, payload 2.0),
 * `http-api-v1` (HTTP API, payload 1.0), `rest` (REST API), `alb` (load balancer, single-value
 * headers), `alb-multi` (load balancer, multi-value headers) or `function-url`.
 *
 * @example
 * ```ts
 * const sources: TestSource[] = ['http-api', 'rest', 'alb'];
 * ```
 */
export type TestSource = 'http-api' | 'http-api-v1' | 'rest' | 'alb' | 'alb-multi' | 'function-url';

/**
 * A query value: several for a repeated key.
 *
 * @example
 * ```ts
 * const query: Record<string, TestQueryValue> = { limit: 5, tag: ['a', 'b'] };
 * ```
 */
export type TestQueryValue = string | number | boolean | readonly (string | number | boolean)[];

/**
 * What a test request adds to its method and path.
 *
 * @example
 * ```ts
 * const init: TestRequestInit = { query: { limit: 5 }, headers: { accept: 'application/json' } };
 * ```
 */
export interface TestRequestInit {
  /** Request headers; names in any case. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Query parameters, encoded for you and added to any query already in the path. */
  readonly query?: Readonly<Record<string, TestQueryValue>>;
  /** Cookies the client sends, as name and value. */
  readonly cookies?: Readonly<Record<string, string>>;
  /** @defaultValue the client's `source`, itself `http-api` by default */
  readonly source?: TestSource;
  /**
   * The caller as the authorizer in front of the function verified it, written where that source's
   * authorizer writes it (see `TestPrincipal`). @defaultValue no authorizer ran
   */
  readonly principal?: TestPrincipal;
  /**
   * The body: a string is sent as text, a `Buffer` or `Uint8Array` as bytes (base64 in the
   * event), anything else as JSON, each with a matching `content-type` unless `headers` has one.
   */
  readonly body?: unknown;
}

/** A request as the client sends it, before a service turns it into its event. */
export interface ClientRequest {
  readonly method: string;
  /** The path as the client encoded it. */
  readonly path: string;
  /** The query string as the client sent it, without `?`. */
  readonly rawQuery: string;
  /** Header lines with lower-case names; `cookie` is not among them. */
  readonly headers: ReadonlyArray<readonly [string, string]>;
  /** `name=value` pairs. */
  readonly cookies: readonly string[];
  readonly body: Buffer | undefined;
  /** Whether the body travels as text; bytes travel base64-encoded. */
  readonly textBody: boolean;
  readonly requestId: string;
  readonly sourceIp: string;
}
