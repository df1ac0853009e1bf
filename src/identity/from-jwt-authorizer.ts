import { type EventRecord, isRecord, own, ownRecord } from '../events/event-fields';
import { groupsOf, listClaim, scopeClaim } from './claim-lists';
import { freezePrincipal, frozenCopy, NOTHING } from './freeze-principal';
import type { Principal } from './principal';

function jwtPrincipal(claims: EventRecord, scopes: unknown): Principal {
  const subject = own(claims, 'sub');
  return freezePrincipal({
    source: 'jwt',
    subject: typeof subject === 'string' ? subject : undefined,
    claims: frozenCopy(claims),
    // `scopes` is `null` when API Gateway found no `scope` claim; reading the claim as well keeps
    // the two in step should a token carry it under a shape API Gateway does not list.
    scopes: Object.freeze(
      Array.isArray(scopes) ? listClaim(scopes) : scopeClaim(own(claims, 'scope')),
    ),
    groups: Object.freeze(groupsOf(claims)),
    context: NOTHING,
  });
}

/**
 * An HTTP API JWT authorizer, payload 2.0: `requestContext.authorizer.jwt.{claims, scopes}`.
 * Every claim value is a string, arrays included (`"[admin editors]"`).
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
 *
 * @param authorizer - `requestContext.authorizer`.
 * @returns The principal, or `undefined` when no JWT authorizer ran.
 */
export function fromJwtAuthorizer(authorizer: EventRecord): Principal | undefined {
  const jwt = own(authorizer, 'jwt');
  if (!isRecord(jwt)) return undefined;
  return jwtPrincipal(ownRecord(jwt, 'claims'), own(jwt, 'scopes'));
}

/**
 * An HTTP API JWT authorizer, payload 1.0: the same claims and scopes one level up, at
 * `requestContext.authorizer.{claims, scopes}` (awsdocs #113). Both are `null` without one.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
 *
 * @param authorizer - `requestContext.authorizer` of an event whose `version` is `1.0`.
 * @returns The principal, or `undefined` when no JWT authorizer ran.
 */
export function fromJwtAuthorizerV1(authorizer: EventRecord): Principal | undefined {
  const claims = own(authorizer, 'claims');
  if (!isRecord(claims)) return undefined;
  return jwtPrincipal(claims, own(authorizer, 'scopes'));
}
