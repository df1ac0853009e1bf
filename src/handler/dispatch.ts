import { HttpError, MethodNotAllowedError, NotFoundError } from '../errors/http-error';
import { toProblem } from '../errors/problem';
import type { LambdaHttpRequest } from '../events/types';
import { truncateInput } from '../http/echo-input';
import { HttpResponse } from '../http/response';
import type { MatchResult } from '../routing/matcher';
import type { RouteDefinition, RouteTable } from '../routing/route-table';
import { describeError } from './describe-error';
import { invokeRoute } from './invoke-route';
import type { ResolvedOptions } from './options';

/** What the route table made of a request, and the response it got. */
export interface Answer {
  /** `options` is the framework's own answer to OPTIONS on a path without an `@Options` route. */
  readonly kind: 'route' | 'not-found' | 'not-allowed' | 'options';
  readonly response: HttpResponse;
  /** The matched route's key (`GET /users/{id}`), for logs. */
  readonly route: string | null;
}

/**
 * The answer to a 5xx or any error: its problem, and one `ERROR` log line with the stack for
 * server errors. Client errors are the client's business and are not logged.
 */
export function problemOf(
  error: unknown,
  options: ResolvedOptions,
  requestId: string | undefined,
  route: string | null,
): HttpResponse {
  const status = error instanceof HttpError ? error.status : 500;
  if (status >= 500) {
    options.logger.error({
      message: 'request failed',
      requestId,
      route,
      error: describeError(error),
    });
  }
  return toProblem(error, requestId);
}

/** The answer of a route whose method is still running: its response or its error. */
async function settleAnswer(
  pending: Promise<HttpResponse>,
  routeKey: string,
  options: ResolvedOptions,
  requestId: string | undefined,
): Promise<Answer> {
  try {
    return { kind: 'route', response: await pending, route: routeKey };
  } catch (error) {
    return {
      kind: 'route',
      response: problemOf(error, options, requestId, routeKey),
      route: routeKey,
    };
  }
}

/**
 * Finds the route for a request and answers it: the method's response, or its error as a
 * problem; 404 and 405 problems; 204 with `Allow` for OPTIONS on a known path. Synchronous
 * when the route answered synchronously (see `invokeRoute`).
 */
export function dispatch(
  table: RouteTable,
  request: LambdaHttpRequest,
  options: ResolvedOptions,
  requestId: string | undefined,
): Answer | Promise<Answer> {
  const match = table.match(request.method, request.path);
  if (match.kind !== 'found') return unmatchedAnswer(match, request, requestId);
  const route = match.value;
  const routeKey = route.routeKey;
  let response: HttpResponse | Promise<HttpResponse>;
  try {
    response = invokeRoute(route, request, match.params, options);
  } catch (error) {
    return {
      kind: 'route',
      response: problemOf(error, options, requestId, routeKey),
      route: routeKey,
    };
  }
  if (response instanceof Promise) return settleAnswer(response, routeKey, options, requestId);
  return { kind: 'route', response, route: routeKey };
}

/** The answer of a matched route: what `respond` resolves with, or its error as a problem. */
export async function answerRoute(
  routeKey: string,
  options: ResolvedOptions,
  requestId: string | undefined,
  respond: () => HttpResponse | Promise<HttpResponse>,
): Promise<Answer> {
  try {
    return { kind: 'route', response: await respond(), route: routeKey };
  } catch (error) {
    return {
      kind: 'route',
      response: problemOf(error, options, requestId, routeKey),
      route: routeKey,
    };
  }
}

/** The framework's own answer when no route matched: 404, 405, or 204 with `Allow` for OPTIONS. */
export function unmatchedAnswer(
  match: Exclude<MatchResult<RouteDefinition>, { kind: 'found' }>,
  request: LambdaHttpRequest,
  requestId: string | undefined,
): Answer {
  // The client's method and path are echoed cut short: either may be megabytes long.
  const method = truncateInput(request.method);
  const path = truncateInput(request.path);
  if (match.kind === 'method-not-allowed') {
    const allow = match.allow.join(', ');
    if (request.method === 'OPTIONS') {
      return {
        kind: 'options',
        response: new HttpResponse({ status: 204, headers: { allow } }),
        route: null,
      };
    }
    const error = new MethodNotAllowedError(`${method} is not allowed on ${path}.`, {
      headers: { allow },
    });
    return { kind: 'not-allowed', response: toProblem(error, requestId), route: null };
  }
  const error = new NotFoundError(`No route matches ${method} ${path}.`);
  return { kind: 'not-found', response: toProblem(error, requestId), route: null };
}
