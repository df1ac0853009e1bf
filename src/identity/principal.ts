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

// Keyed by the request object, so that a principal lives exactly as long as its request and two
// invocations running at once never share one. `null` records "asked, and there is none".
const built = new WeakMap<LambdaHttpRequest, Principal | null>();

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

/** The principal of a request, built at most once per request and only when asked for. */
export function principalOf(request: LambdaHttpRequest): Principal | undefined {
  const known = built.get(request);
  if (known !== undefined) return known ?? undefined;
  const principal = readPrincipal(request.event);
  built.set(request, principal ?? null);
  return principal;
}
