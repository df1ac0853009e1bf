import { ownRecord, ownString } from '../events/event-fields';
import type { LambdaHttpRequest } from '../http/request';
import { fromCognitoAuthorizer } from './from-cognito-authorizer';
import { fromIamAuthorizer } from './from-iam-authorizer';
import { fromJwtAuthorizer, fromJwtAuthorizerV1 } from './from-jwt-authorizer';
import { fromHttpLambdaAuthorizer, fromRestLambdaAuthorizer } from './from-lambda-authorizer';

/**
 * The caller of a request, as the authorizer in front of the function verified it: one shape for
 * every event source.
 *
 * @example
 * ```ts
 * @Get('/me') me(@Principal() principal?: Principal) {
 *   return { subject: principal?.subject, groups: principal?.groups ?? [] };
 * }
 * ```
 */
export interface Principal {
  readonly source: 'jwt' | 'cognito' | 'lambda-authorizer' | 'iam' | 'alb-oidc' | 'verified-jwt';
  readonly subject?: string;
  readonly claims: Readonly<Record<string, unknown>>;
  readonly scopes: readonly string[];
  readonly groups: readonly string[];
  readonly context: Readonly<Record<string, unknown>>;
}

// Keyed by the event, which is one object per invocation: a principal lives exactly as long as its
// invocation, two invocations running at once never share one, and a middleware that replaces
// `ctx.request` with a copy keeps the principal already verified. `null` records "asked, and there
// is none".
const built = new WeakMap<object, Principal | null>();
/**
 * Why a presented token gave no principal: a bad token (the 401's RFC 6750 `invalid_token`), or
 * keys that could not be fetched to check it (503, with the fetch error as `cause`).
 */
export interface TokenRefusal {
  readonly reason: string;
  readonly keysUnavailable: boolean;
  readonly cause?: unknown;
}

const refusals = new WeakMap<object, TokenRefusal>();

/** The cache key of a request: its event, or the request itself for an event that is no object. */
function keyOf(request: LambdaHttpRequest): object {
  const { event } = request;
  return typeof event === 'object' && event !== null ? event : request;
}
/**
 * Reads the principal from the event. Only authorizer output counts: it is what API Gateway or
 * Lambda verified, whereas an `Authorization` header is client input.
 */
function readPrincipal(event: unknown): Principal | undefined {
  const authorizer = ownRecord(ownRecord(event, 'requestContext'), 'authorizer');
  // Payload 2.0 (HTTP API, function URLs) nests each authorizer type under its own key. The AWS
  // sample shows `jwt` and `lambda` side by side; a route has one authorizer, and JWT comes first.
  const nested =
    fromJwtAuthorizer(authorizer) ??
    fromHttpLambdaAuthorizer(authorizer) ??
    fromIamAuthorizer(authorizer);
  if (nested !== undefined) return nested;
  // Payload 1.0 has `claims` both for an HTTP API JWT authorizer and for a REST API Cognito one;
  // only the HTTP API event says `version: "1.0"`.
  if (ownString(event, 'version') === '1.0') return fromJwtAuthorizerV1(authorizer);
  return fromCognitoAuthorizer(authorizer) ?? fromRestLambdaAuthorizer(authorizer);
}

/**
 * The principal an authorizer in front of the function gave the request, read from the event
 * (not cached).
 */
export function authorizerPrincipalOf(request: LambdaHttpRequest): Principal | undefined {
  return readPrincipal(request.event);
}

/** Whether the principal of a request is known already (built, verified, or known absent). */
export function isPrincipalSettled(request: LambdaHttpRequest): boolean {
  return built.has(keyOf(request));
}

/**
 * Records the principal of a request as verified by the function itself (a bearer token, the
 * load balancer's OIDC token), or its absence with the reason a token was refused.
 */
export function settlePrincipal(
  request: LambdaHttpRequest,
  principal: Principal | undefined,
  refusal?: TokenRefusal,
): void {
  const key = keyOf(request);
  built.set(key, principal ?? null);
  if (refusal !== undefined) refusals.set(key, refusal);
}

/** Why the request's token was refused, when one was presented and refused. */
export function refusalOf(request: LambdaHttpRequest): TokenRefusal | undefined {
  return refusals.get(keyOf(request));
}

/** The principal of a request, built at most once per request and only when asked for. */
export function principalOf(request: LambdaHttpRequest): Principal | undefined {
  const key = keyOf(request);
  const known = built.get(key);
  if (known !== undefined) return known ?? undefined;
  const principal = readPrincipal(request.event);
  built.set(key, principal ?? null);
  return principal;
}
