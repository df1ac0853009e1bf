import { type EventRecord, isRecord, own } from '../events/event-fields';
import { groupsOf, scopeClaim } from './claim-lists';
import { freezePrincipal, frozenCopy, NOTHING } from './freeze-principal';
import type { Principal } from './principal';

/**
 * A REST API Cognito user pool authorizer: string claims at `requestContext.authorizer.claims`,
 * `cognito:groups` joined by commas (aws/chalice #783), and an access token's scopes in its
 * space-separated `scope` claim, since REST APIs pass no `scopes` list.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-integrate-with-cognito.html
 *
 * @param authorizer - `requestContext.authorizer` of a REST API event.
 * @returns The principal, or `undefined` when no Cognito authorizer ran.
 */
export function fromCognitoAuthorizer(authorizer: EventRecord): Principal | undefined {
  const claims = own(authorizer, 'claims');
  if (!isRecord(claims)) return undefined;
  const subject = own(claims, 'sub');
  return freezePrincipal({
    source: 'cognito',
    subject: typeof subject === 'string' ? subject : undefined,
    claims: frozenCopy(claims),
    scopes: Object.freeze(scopeClaim(own(claims, 'scope'))),
    groups: Object.freeze(groupsOf(claims)),
    context: NOTHING,
  });
}
