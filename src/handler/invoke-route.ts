import { type LambdaHttpRequest, plainRequest } from '../http/request';
import { HttpResponse } from '../http/response';
import { principalOf } from '../identity/principal';
import type { RequestContext } from '../middleware/middleware';
import type { ParamBinding } from '../routing/param-binding';
import type { RouteDefinition } from '../routing/route-table';
import { coerceValue } from '../validation/coerce';
import { parseJsonBody } from '../validation/parse-json';
import { assertBodySize, readBodyText, readJsonText } from '../validation/request-body';
import { validateBody } from '../validation/validate-body';
import type { ResolvedOptions } from './options';

function resolveArgument(
  binding: ParamBinding,
  request: LambdaHttpRequest,
  params: Readonly<Record<string, string>>,
  options: ResolvedOptions,
  ctx: RequestContext | undefined,
): unknown {
  switch (binding.kind) {
    case 'param':
      return coerceValue(params[binding.name], binding.type, 'path', binding.name);
    case 'query':
      return coerceValue(request.query[binding.name], binding.type, 'query', binding.name);
    case 'query-all':
      return request.query;
    case 'headers':
      return binding.name === undefined ? request.headers : request.headers[binding.name];
    case 'req':
      // Code outside the framework gets the plain request a middleware saw (or set).
      return ctx === undefined ? plainRequest(request) : ctx.request;
    case 'state':
      // Without middleware there is no state: nothing could have stored a value.
      return binding.key === undefined ? undefined : ctx?.state.get(binding.key);
    case 'principal':
      return principalOf(request);
    case 'claims': {
      const claims = principalOf(request)?.claims;
      return binding.name === undefined || claims === undefined ? claims : claims[binding.name];
    }
    case 'body-text':
      return readBodyText(request, options.maxBodyBytes);
    case 'body-bytes':
      assertBodySize(request, options.maxBodyBytes);
      return request.body ?? Buffer.alloc(0);
    case 'body-dto': {
      const json = parseJsonBody(readJsonText(request, options.maxBodyBytes), options.jsonLimits);
      return validateBody(binding.dto, json, options.validator);
    }
    case 'none':
      return undefined;
    /* istanbul ignore next -- exhaustive: the type checker proves this unreachable */
    default:
      return binding satisfies never;
  }
}

/** Turns what a route method returned into a response. */
export function toHttpResponse(returned: unknown, route: RouteDefinition): HttpResponse {
  if (returned instanceof HttpResponse) return returned;
  if (returned === undefined) return new HttpResponse({ status: route.httpCode ?? 204 });
  // A plain string is a JSON value like any other: the contract is "plain value → JSON".
  if (typeof returned === 'string') {
    return new HttpResponse({
      status: route.httpCode ?? 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(returned),
    });
  }
  return new HttpResponse({ status: route.httpCode ?? 200, body: returned });
}

/** A promise from any library, not only the native one: a method may return either. */
function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof Reflect.get(value, 'then') === 'function'
  );
}

/** The rest of {@link invokeRoute} once an argument is a promise (from `from` on). */
async function settleArguments(
  route: RouteDefinition,
  args: unknown[],
  from: number,
  request: LambdaHttpRequest,
  params: Readonly<Record<string, string>>,
  options: ResolvedOptions,
  ctx: RequestContext | undefined,
): Promise<HttpResponse> {
  const bindings = route.params;
  for (let index = from; index < bindings.length; index++) {
    const value =
      index === from
        ? args[index]
        : resolveArgument(bindings[index] as ParamBinding, request, params, options, ctx);
    args[index] = value instanceof Promise ? await value : value;
  }
  const returned = route.invoke(args);
  return toHttpResponse(isThenable(returned) ? await returned : returned, route);
}

/** The rest of {@link invokeRoute} once the method returned a promise. */
async function settleResult(
  returned: PromiseLike<unknown>,
  route: RouteDefinition,
): Promise<HttpResponse> {
  return toHttpResponse(await returned, route);
}

/**
 * Binds the arguments, calls the route's method with its controller as `this` and maps the
 * result to a response; its body is serialized when the response is written (class instances
 * and all, see `src/serialization/body-json.ts`). Binding errors and whatever the
 * method throws propagate to the caller (as a rejection once something was awaited).
 * `ctx` is the request's middleware context, absent when no middleware runs.
 *
 * Synchronous until an argument (a body class-validator checks) or the method's result is a
 * promise: a `GET` whose method returns a value costs no promise and no microtask turn.
 */
export function invokeRoute(
  route: RouteDefinition,
  request: LambdaHttpRequest,
  params: Readonly<Record<string, string>>,
  options: ResolvedOptions,
  ctx?: RequestContext,
): HttpResponse | Promise<HttpResponse> {
  const bindings = route.params;
  const args: unknown[] = new Array(bindings.length);
  for (let index = 0; index < bindings.length; index++) {
    const value = resolveArgument(bindings[index] as ParamBinding, request, params, options, ctx);
    args[index] = value;
    if (value instanceof Promise) {
      return settleArguments(route, args, index, request, params, options, ctx);
    }
  }
  const returned = route.invoke(args);
  if (isThenable(returned)) return settleResult(returned, route);
  return toHttpResponse(returned, route);
}
