import type { Context } from 'aws-lambda';

/**
 * The request every event source is turned into, and what `@Req()` gives a controller.
 *
 * `path` is percent-encoded and has no stage or configured base-path prefix; the router decodes
 * each segment after splitting, so `a%2Fb` binds as one segment `a/b`. REST APIs, ALB and
 * function URLs deliver the client's encoding; HTTP APIs deliver the path already decoded, so
 * their sources re-encode it and an HTTP API request for `/a%2Fb` arrives as two segments.
 *
 * @example
 * ```ts
 * @Get('/whoami') whoami(@Req() request: LambdaHttpRequest) {
 *   return { ip: request.sourceIp, requestId: request.context.awsRequestId };
 * }
 * ```
 */
export interface LambdaHttpRequest {
  /** Upper-case method, e.g. `GET`. */
  readonly method: string;
  /** Path without stage prefix, still percent-encoded, always starting with `/`. */
  readonly path: string;
  /** Header names in lower case; repeated headers joined as the source delivered them. */
  readonly headers: Readonly<Record<string, string>>;
  /** Decoded query parameters; a repeated key gives an array in arrival order. */
  readonly query: Readonly<Record<string, string | string[]>>;
  /** Request cookies by name. */
  readonly cookies: Readonly<Record<string, string>>;
  /** Body bytes (base64 already decoded); `undefined` when the request has none. */
  readonly body: Buffer | undefined;
  /** Client address as the event source reports it. */
  readonly sourceIp: string | undefined;
  /** Request id of API Gateway or the load balancer's trace id, when the event carries one. */
  readonly sourceRequestId: string | undefined;
  /** The Lambda event, untouched. */
  readonly event: unknown;
  /** The Lambda context, untouched. */
  readonly context: Context;
}

/**
 * How a request whose parts are read on first use (see `EventRequest`) makes itself plain: a
 * symbol, so that no user-made request can have it by accident.
 */
export const TO_PLAIN: unique symbol = Symbol('lambda-controllers.toPlain');

/**
 * The request as a plain object with every part read, for code outside the framework
 * (middleware, guards, `@Req()`): such code spreads it to change a field
 * (`ctx.request = { ...ctx.request, path }`), which must keep every other part.
 *
 * @param request - A request from a source, or one a middleware made.
 * @returns A plain object; the same one each time for one request.
 */
export function plainRequest(request: LambdaHttpRequest): LambdaHttpRequest {
  const toPlain: unknown = Reflect.get(request, TO_PLAIN);
  return typeof toPlain === 'function' ? (toPlain.call(request) as LambdaHttpRequest) : request;
}

/**
 * How a request whose headers are parsed on first use reads one header without parsing the
 * others (see `EventRequest`).
 */
export const READ_HEADER: unique symbol = Symbol('lambda-controllers.readHeader');

/**
 * One header of a request, by its lower-case name: what `request.headers[name]` gives, without
 * parsing every header of a request that has not needed them yet.
 *
 * @param request - Any request.
 * @param name - A lower-case header name.
 * @returns The header's value, repeated headers joined as in `headers`.
 */
export function headerOf(request: LambdaHttpRequest, name: string): string | undefined {
  const read: unknown = Reflect.get(request, READ_HEADER);
  return typeof read === 'function'
    ? (read.call(request, name) as string | undefined)
    : request.headers[name];
}

/**
 * How a request read from an event gives its body as text without making its bytes first (see
 * `EventRequest`).
 */
export const READ_BODY_TEXT: unique symbol = Symbol('lambda-controllers.readBodyText');

/**
 * The body as the event carries it, when that text is exactly `request.body.toString('utf8')`:
 * a JSON body is parsed from it without a round trip through a `Buffer`.
 *
 * @param request - Any request.
 * @returns The text, or `undefined` when the body must be read from `request.body` (a request a
 * middleware made, a base64 body, none at all).
 */
export function eventBodyTextOf(request: LambdaHttpRequest): string | undefined {
  const read: unknown = Reflect.get(request, READ_BODY_TEXT);
  return typeof read === 'function' ? (read.call(request) as string | undefined) : undefined;
}
