import { type EventRecord, isRecord, own, ownString } from '../events/event-fields';
import { freezePrincipal, frozenCopy, NO_ITEMS, NOTHING } from './freeze-principal';
import type { Principal } from './principal';

/**
 * An HTTP API Lambda authorizer (simple or IAM response): its context at
 * `requestContext.authorizer.lambda`, `null` when it returned none. The request got through, so a
 * `null` context is still a caller, only one the authorizer said nothing about.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html
 *
 * @param authorizer - `requestContext.authorizer` of an HTTP API or function URL event.
 * @returns The principal, or `undefined` when no Lambda authorizer ran.
 */
export function fromHttpLambdaAuthorizer(authorizer: EventRecord): Principal | undefined {
  if (!Object.hasOwn(authorizer, 'lambda')) return undefined;
  const context = own(authorizer, 'lambda');
  return freezePrincipal({
    source: 'lambda-authorizer',
    subject: undefined,
    claims: NOTHING,
    scopes: NO_ITEMS,
    groups: NO_ITEMS,
    context: isRecord(context) ? frozenCopy(context) : NOTHING,
  });
}

/**
 * A REST API Lambda authorizer (TOKEN or REQUEST): `requestContext.authorizer.principalId` with the
 * authorizer's flat context beside it (strings, numbers, booleans). API Gateway adds
 * `integrationLatency`, which is its own measurement, not the authorizer's context.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-output.html
 *
 * @param authorizer - `requestContext.authorizer` of a REST API event.
 * @returns The principal, or `undefined` when no Lambda authorizer ran.
 */
export function fromRestLambdaAuthorizer(authorizer: EventRecord): Principal | undefined {
  const principalId = ownString(authorizer, 'principalId');
  if (principalId === undefined || principalId === '') return undefined;
  const { principalId: _id, integrationLatency: _latency, ...context } = authorizer;
  return freezePrincipal({
    source: 'lambda-authorizer',
    subject: principalId,
    claims: NOTHING,
    scopes: NO_ITEMS,
    groups: NO_ITEMS,
    context: Object.freeze(context),
  });
}
