import { type LambdaHttpRequest, plainRequest } from '../http/request';
import { type Principal, principalOf } from '../identity/principal';
import type { MatchedRoute, RequestContext } from './middleware';
import { RequestStateMap } from './state';

/**
 * One per request that runs middleware; nothing on it is shared with another request. What a
 * middleware never reads is never made: the plain request (every header parsed), the state map,
 * the principal.
 */
class Context implements RequestContext {
  readonly route: MatchedRoute | undefined;
  /** The request as the source read it (its parts read on first use). */
  readonly #read: LambdaHttpRequest;
  /** The request a middleware saw or set; undefined while none touched it. */
  #request: LambdaHttpRequest | undefined;
  #state: RequestStateMap | undefined;

  constructor(request: LambdaHttpRequest, route: MatchedRoute | undefined) {
    this.#read = request;
    this.route = route;
  }

  get request(): LambdaHttpRequest {
    this.#request ??= plainRequest(this.#read);
    return this.#request;
  }

  set request(request: LambdaHttpRequest) {
    this.#request = request;
  }

  get state(): RequestStateMap {
    this.#state ??= new RequestStateMap();
    return this.#state;
  }

  // A getter, so that a request nobody asks about never has its principal built.
  get principal(): Principal | undefined {
    return principalOf(this.bound);
  }

  /** The request the method binds from: a middleware's replacement, else the one read. */
  get bound(): LambdaHttpRequest {
    return this.#request ?? this.#read;
  }
}

/** A fresh context for one request and the route it matched (`undefined` when none did). */
export function createRequestContext(
  request: LambdaHttpRequest,
  route: MatchedRoute | undefined,
): RequestContext {
  return new Context(request, route);
}

/**
 * The request a route's method binds from: the one a middleware set on `ctx.request`, else the
 * request read from the event, which nothing had to make plain.
 */
export function boundRequestOf(ctx: RequestContext): LambdaHttpRequest {
  return ctx instanceof Context ? ctx.bound : ctx.request;
}
