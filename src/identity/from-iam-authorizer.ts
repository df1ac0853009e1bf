import { type EventRecord, isRecord, own, ownString } from '../events/event-fields';
import { freezePrincipal, frozenCopy, NO_ITEMS, NOTHING } from './freeze-principal';
import type { Principal } from './principal';

/**
 * IAM authorization of an HTTP API route or a function URL with `AWS_IAM`:
 * `requestContext.authorizer.iam` (`accessKey`, `accountId`, `callerId`, `userArn`, `userId`,
 * `principalOrgId`, `cognitoIdentity`). The caller's ARN names it; the rest is its context.
 * https://docs.aws.amazon.com/lambda/latest/dg/urls-invocation.html
 *
 * @param authorizer - `requestContext.authorizer` of an HTTP API or function URL event.
 * @returns The principal, or `undefined` when the request was not signed.
 */
export function fromIamAuthorizer(authorizer: EventRecord): Principal | undefined {
  const iam = own(authorizer, 'iam');
  if (!isRecord(iam)) return undefined;
  return freezePrincipal({
    source: 'iam',
    subject: ownString(iam, 'userArn'),
    claims: NOTHING,
    scopes: NO_ITEMS,
    groups: NO_ITEMS,
    context: frozenCopy(iam),
  });
}
