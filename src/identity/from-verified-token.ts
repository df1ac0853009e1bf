import { isRecord, own } from '../events/event-fields';
import { groupsOf, listClaim, scopeClaim } from './claim-lists';
import { freezePrincipal, frozenCopy, NOTHING } from './freeze-principal';
import type { Principal } from './principal';

/**
 * The principal of a token the function verified itself: its payload's claims, `sub`, the scopes
 * of `scope` (space-separated) or `scp` (a list, as some issuers send), and `cognito:groups` or
 * `groups`.
 *
 * @param source - `verified-jwt` for a bearer token, `alb-oidc` for the load balancer's.
 * @param payload - The verified payload.
 * @returns The principal.
 */
export function fromVerifiedToken(
  source: 'verified-jwt' | 'alb-oidc',
  payload: unknown,
): Principal {
  const claims = isRecord(payload) ? payload : {};
  const subject = own(claims, 'sub');
  const scope = own(claims, 'scope');
  const cognitoGroups = groupsOf(claims);
  return freezePrincipal({
    source,
    subject: typeof subject === 'string' ? subject : undefined,
    claims: isRecord(payload) ? frozenCopy(payload) : NOTHING,
    scopes: Object.freeze(scope === undefined ? listClaim(own(claims, 'scp')) : scopeClaim(scope)),
    groups: Object.freeze(
      cognitoGroups.length > 0 ? cognitoGroups : listClaim(own(claims, 'groups')),
    ),
    context: NOTHING,
  });
}
