import { plainRequest } from '../events/event-request';
import type { LambdaHttpRequest } from '../http/request';
import type { TokenVerifier } from '../identity/token-verifier';
import { authorizationStep } from '../middleware/authorize';
import { composeMiddleware, type MiddlewareChain } from '../middleware/compose';
import type { MatchedRoute, Middleware } from '../middleware/middleware';
import { createRequestContext } from '../middleware/request-context';
import type { RouteDefinition, RouteTable } from '../routing/route-table';
import { type Answer, answerRoute, problemOf, unmatchedAnswer } from './dispatch';
import { invokeRoute } from './invoke-route';
import type { ResolvedOptions } from './options';

interface RouteChain {
  readonly chain: MiddlewareChain;
  readonly matched: MatchedRoute;
}

/** The chains of a handler, composed once at cold start. */
export interface MiddlewarePipeline {
  /** Global middleware alone, for requests no route matched. */
  readonly unmatched: MiddlewareChain | undefined;
  /** Global, class and method middleware of each route that has some. */
  readonly routes: ReadonlyMap<RouteDefinition, RouteChain>;
}

/**
 * The first step when tokens are verified in the function: it settles the principal before any
 * middleware can read `ctx.principal`, which is synchronous.
 */
function settlingStep(verifier: TokenVerifier): Middleware {
  return async (ctx, next) => {
    await verifier.settle(ctx.request);
    return next();
  };
}

/** A route's steps: token verification, global, class and method middleware, authorization. */
function stepsOf(route: RouteDefinition, options: ResolvedOptions): Middleware[] {
  const steps: Middleware[] = [...options.middleware, ...route.middleware];
  const authorize = authorizationStep(route.access, route.guards);
  if (authorize !== undefined) steps.push(authorize);
  const { tokenVerifier } = options;
  if (tokenVerifier !== undefined && (steps.length > 0 || route.readsPrincipal)) {
    steps.unshift(settlingStep(tokenVerifier));
  }
  return steps;
}

/**
 * Composes every route's chain: global, then class, then method middleware, then `@Authorized`
 * and the guards. Returns `undefined` when no route has one of these, so requests take the path
 * without them.
 */
export function buildMiddlewarePipeline(
  table: RouteTable,
  options: ResolvedOptions,
): MiddlewarePipeline | undefined {
  const routes = new Map<RouteDefinition, RouteChain>();
  for (const route of table.routes) {
    const chain = composeMiddleware(stepsOf(route, options));
    if (chain === undefined) continue;
    const matched = Object.freeze({
      routeKey: route.routeKey,
      controller: route.controller,
      method: route.propertyKey,
    });
    routes.set(route, { chain, matched });
  }
  const { tokenVerifier } = options;
  const unmatched = composeMiddleware(
    tokenVerifier === undefined || options.middleware.length === 0
      ? options.middleware
      : [settlingStep(tokenVerifier), ...options.middleware],
  );
  if (unmatched === undefined && routes.size === 0) return undefined;
  return { unmatched, routes };
}

/**
 * `dispatch` with middleware around the method or the framework's own answer. What the chain
 * throws (the method's errors included, passed through every middleware that did not catch it)
 * becomes a problem here, outside all middleware.
 */
export async function dispatchThroughMiddleware(
  table: RouteTable,
  pipeline: MiddlewarePipeline,
  request: LambdaHttpRequest,
  options: ResolvedOptions,
  requestId: string | undefined,
): Promise<Answer> {
  const match = table.match(request.method, request.path);
  if (match.kind === 'found') {
    const route = match.value;
    const routeChain = pipeline.routes.get(route);
    if (routeChain === undefined) {
      return answerRoute(route.routeKey, options, requestId, () =>
        invokeRoute(route, request, match.params, options),
      );
    }
    const ctx = createRequestContext(plainRequest(request), routeChain.matched);
    // The method binds from `ctx.request`, which a middleware may have replaced.
    return answerRoute(route.routeKey, options, requestId, () =>
      // `next()` is a promise to middleware even when the method answered synchronously.
      routeChain.chain(ctx, async () =>
        invokeRoute(route, ctx.request, match.params, options, ctx.state),
      ),
    );
  }
  const answer = unmatchedAnswer(match, request, requestId);
  if (pipeline.unmatched === undefined) return answer;
  const ctx = createRequestContext(plainRequest(request), undefined);
  try {
    // The framework's own answers are answers, not errors: `next()` resolves with them, so a
    // middleware adding headers puts them on a 404 too.
    const response = await pipeline.unmatched(ctx, async () => answer.response);
    return { ...answer, response };
  } catch (error) {
    return { ...answer, response: problemOf(error, options, requestId, null) };
  }
}
