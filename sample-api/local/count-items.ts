import { type DynamoDBClient, ScanCommand, type ScanCommandOutput } from '@aws-sdk/client-dynamodb';
import { userKey } from '../users/user-item.ts';

/**
 * Counts the table's items page by page with consistent Scans: every item (users and their email
 * markers), or with `usersOnly` the users alone. Tests and the load run use it to prove that no
 * write was lost and no bad request wrote anything.
 */
export async function countItems(
  client: DynamoDBClient,
  tableName: string,
  options: { readonly usersOnly?: boolean } = {},
): Promise<number> {
  let count = 0;
  let startKey: ScanCommandOutput['LastEvaluatedKey'];
  do {
    const page = await client.send(
      new ScanCommand({
        TableName: tableName,
        Select: 'COUNT',
        ConsistentRead: true,
        ExclusiveStartKey: startKey,
        ...(options.usersOnly === true
          ? {
              FilterExpression: 'begins_with(pk, :user)',
              ExpressionAttributeValues: { ':user': { S: userKey('') } },
            }
          : {}),
      }),
    );
    count += page.Count ?? 0;
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);
  return count;
}
