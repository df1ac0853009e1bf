import {
  type AttributeDefinition,
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  type DynamoDBClient,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { usersTable } from '../db/table-definition.ts';

/** The `CreateTable` request for the users table, derived from its one definition. */
export function toCreateTableInput(tableName: string): CreateTableCommandInput {
  const keys = [
    usersTable.partitionKey,
    ...usersTable.globalSecondaryIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
  ];
  const attributes = new Map<string, AttributeDefinition>(
    keys.map((key) => [key.name, { AttributeName: key.name, AttributeType: key.type }]),
  );
  return {
    TableName: tableName,
    BillingMode: usersTable.billingMode,
    AttributeDefinitions: [...attributes.values()],
    KeySchema: [{ AttributeName: usersTable.partitionKey.name, KeyType: 'HASH' }],
    GlobalSecondaryIndexes: usersTable.globalSecondaryIndexes.map((index) => ({
      IndexName: index.name,
      KeySchema: [
        { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
        { AttributeName: index.sortKey.name, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: index.projection },
    })),
  };
}

/**
 * Creates the users table under `tableName` unless it exists, and waits until it is active.
 *
 * @returns `'created'`, or `'existed'` when it was already there (or another process won the race).
 */
export async function createTable(
  client: DynamoDBClient,
  tableName: string,
): Promise<'created' | 'existed'> {
  if (await tableExists(client, tableName)) return 'existed';
  let outcome: 'created' | 'existed' = 'created';
  try {
    await client.send(new CreateTableCommand(toCreateTableInput(tableName)));
  } catch (error) {
    // Someone created it between our describe and create: the table we wanted exists.
    if (!(error instanceof Error && error.name === 'ResourceInUseException')) throw error;
    outcome = 'existed';
  }
  await waitUntilTableExists(
    { client, minDelay: 1, maxDelay: 2, maxWaitTime: 60 },
    { TableName: tableName },
  );
  return outcome;
}

async function tableExists(client: DynamoDBClient, tableName: string): Promise<boolean> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return true;
  } catch (error) {
    if (error instanceof Error && error.name === 'ResourceNotFoundException') return false;
    throw error;
  }
}
