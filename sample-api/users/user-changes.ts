// The writes of PATCH and DELETE as DynamoDB transactions: the user item and its `EMAIL#` items
// change together or not at all, guarded by the version the caller read. Only the repository
// sends them.
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { emailKey, type UserFields, userKey } from './user-item.ts';

/** What a PATCH may change; an absent field stays as it is. */
export interface UserChanges {
  readonly name?: string | undefined;
  readonly email?: string | undefined;
}

const NOT_EXISTS = 'attribute_not_exists(pk)';

/**
 * The condition that the user item is still at `version`. Items written before versions existed
 * have no attribute and count as version 1.
 */
function atVersion(version: number): string {
  return version === 1
    ? 'attribute_exists(pk) AND (attribute_not_exists(version) OR version = :read)'
    : 'attribute_exists(pk) AND version = :read';
}

/**
 * Changes a user read at `current.version` into `next`: one transaction with the user item's
 * update and, when the email changes, the new address claimed and the old one released.
 * Cancellation reasons come back in this order: user, new email, old email.
 */
export function updateUserCommand(
  table: string,
  current: UserFields,
  next: UserFields,
): TransactWriteCommand {
  const emailChanged = next.email !== current.email;
  return new TransactWriteCommand({
    TransactItems: [
      {
        Update: {
          TableName: table,
          Key: { pk: userKey(current.id) },
          UpdateExpression: 'SET #name = :name, email = :email, version = :next',
          ConditionExpression: atVersion(current.version),
          ExpressionAttributeNames: { '#name': 'name' },
          ExpressionAttributeValues: {
            ':name': next.name,
            ':email': next.email,
            ':next': next.version,
            ':read': current.version,
          },
        },
      },
      ...(emailChanged
        ? [
            {
              Put: {
                TableName: table,
                Item: { pk: emailKey(next.email), userId: current.id },
                ConditionExpression: NOT_EXISTS,
              },
            },
            {
              Delete: {
                TableName: table,
                Key: { pk: emailKey(current.email) },
                ConditionExpression: 'userId = :id',
                ExpressionAttributeValues: { ':id': current.id },
              },
            },
          ]
        : []),
    ],
  });
}

/** Removes a user read at `current.version` and frees its address, in one transaction. */
export function deleteUserCommand(table: string, current: UserFields): TransactWriteCommand {
  return new TransactWriteCommand({
    TransactItems: [
      {
        Delete: {
          TableName: table,
          Key: { pk: userKey(current.id) },
          ConditionExpression: atVersion(current.version),
          ExpressionAttributeValues: { ':read': current.version },
        },
      },
      {
        Delete: {
          TableName: table,
          Key: { pk: emailKey(current.email) },
          ConditionExpression: 'userId = :id',
          ExpressionAttributeValues: { ':id': current.id },
        },
      },
    ],
  });
}
