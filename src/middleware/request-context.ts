import type { LambdaHttpRequest } from '../http/request';
import { type Principal, principalOf } from '../identity/principal';
import type { MatchedRoute, RequestContext } from './middleware';
import { RequestStateMap } from './state';

/** One per request that runs middleware; nothing on it is shared with another request. */
class Context implements RequestContext {
  request: LambdaHttpRequest;
  readonly route: MatchedRoute | undefined;
  readonly state = new RequestStateMap();

  constructor(request: LambdaHttpRequest, route: MatchedRoute | undefined) {
    this.request = request;
    this.route = route;
  }

  // A getter, so that a request nobody asks about never has its principal built.
  get principal(): Principal | undefined {
    return principalOf(this.request);
  }
}

/** A fresh context for one request and the route it matched (`undefined` when none did). */
export function createRequestContext(
  request: LambdaHttpRequest,
  route: MatchedRoute | undefined,
): RequestContext {
  return new Context(request, route);
}
