import type { LambdaHttpRequest } from '../http/request';
import type { HttpResponse } from '../http/response';
import type { Principal } from '../identity/principal';
import type { RequestState } from './state';

/**
 * The route a request matched: its key as logs show it, the controller class and the method's
 * name.
 *
 * @example
 * ```ts
 * const audit: Middleware = async (ctx, next) => {
 *   if (ctx.route !== undefined) console.log(ctx.route.routeKey);
 *   return next();
 * };
 * ```
 */
export interface MatchedRoute {
  readonly routeKey: string;
  readonly controller: new () => object;
  readonly method: string | symbol;
}

/**
 * What a middleware sees of the request it wraps. `request` may be replaced before calling
 * `next` (the method then binds its arguments from the new one); `route` is `undefined` for
 * the framework's own 404, 405 and OPTIONS answers.
 *
 * @example
 * ```ts
 * const tenant: Middleware = async (ctx, next) => {
 *   ctx.request = { ...ctx.request, headers: { ...ctx.request.headers, 'x-tenant': 'acme' } };
 *   return next();
 * };
 * ```
 */
export interface RequestContext {
  request: LambdaHttpRequest;
  readonly route: MatchedRoute | undefined;
  /** The caller's identity, read from the event only when this property is read. */
  readonly principal: Principal | undefined;
  /** Values for this request only, typed by their `StateKey`. */
  readonly state: RequestState;
}

/**
 * Code around a request: it may change the request before `next()`, change the response after
 * it, answer without calling it, or catch what inner layers threw (the thrown value itself, not
 * a rendered problem). Calling `next` twice rejects with an error, which answers 500.
 *
 * @example
 * ```ts
 * const securityHeaders: Middleware = async (_ctx, next) =>
 *   (await next()).withHeaders({ 'x-content-type-options': 'nosniff' });
 * ```
 */
export type Middleware = (
  ctx: RequestContext,
  next: () => Promise<HttpResponse>,
) => Promise<HttpResponse>;
