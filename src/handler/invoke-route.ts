import type { LambdaHttpRequest } from '../http/request';
import { HttpResponse } from '../http/response';
import { principalOf } from '../identity/principal';
import type { RequestState } from '../middleware/state';
import type { ParamBinding } from '../routing/param-binding';
import type { RouteDefinition } from '../routing/route-table';
import { serializeBody } from '../serialization/serialize-body';
import { coerceValue } from '../validation/coerce';
import { parseJsonBody } from '../validation/parse-json';
import { assertBodySize, readJsonText } from '../validation/request-body';
import { validateBody } from '../validation/validate-body';
import type { ResolvedOptions } from './options';

function resolveArgument(
  binding: ParamBinding,
  request: LambdaHttpRequest,
  params: Readonly<Record<string, string>>,
  options: ResolvedOptions,
  state: RequestState | undefined,
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
      return request;
    case 'state':
      // Without middleware there is no state: nothing could have stored a value.
      return binding.key === undefined ? undefined : state?.get(binding.key);
    case 'principal':
      return principalOf(request);
    case 'claims': {
      const claims = principalOf(request)?.claims;
      return binding.name === undefined || claims === undefined ? claims : claims[binding.name];
    }
    case 'body-text':
      assertBodySize(request, options.maxBodyBytes);
      return request.body?.toString('utf8') ?? '';
    case 'body-bytes':
      assertBodySize(request, options.maxBodyBytes);
      return request.body ?? Buffer.alloc(0);
    case 'body-dto': {
      assertBodySize(request, options.maxBodyBytes);
      const json = parseJsonBody(readJsonText(request), options.jsonLimits);
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
  const body = typeof returned === 'string' ? JSON.stringify(returned) : returned;
  return new HttpResponse({
    status: route.httpCode ?? 200,
    headers: typeof returned === 'string' ? { 'content-type': 'application/json' } : {},
    body,
  });
}

/** A promise from any library, not only the native one: a method may return either. */
function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof Reflect.get(value, 'then') === 'function'
  );
}

/**
 * Binds the arguments, calls the route's method with its controller as `this`, awaits it and
 * maps the result, class instances in its body turned into plain data. Binding errors and whatever the method throws propagate to the caller.
 * `state` is the request's middleware state, absent when no middleware runs.
 */
export async function invokeRoute(
  route: RouteDefinition,
  request: LambdaHttpRequest,
  params: Readonly<Record<string, string>>,
  options: ResolvedOptions,
  state?: RequestState,
): Promise<HttpResponse> {
  // Only a DTO body is asynchronous (class-validator); awaiting the rest would cost a microtask
  // turn per argument on every request.
  const args: unknown[] = [];
  for (const binding of route.params) {
    const value = resolveArgument(binding, request, params, options, state);
    args.push(value instanceof Promise ? await value : value);
  }
  const returned = route.invoke(args);
  const response = toHttpResponse(isThenable(returned) ? await returned : returned, route);
  return serializeBody(response, route.serialize, options.serialize);
}
