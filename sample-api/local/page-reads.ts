import {
  type DynamoDBClient,
  QueryCommand,
  type QueryCommandOutput,
} from '@aws-sdk/client-dynamodb';
import { usersTable } from '../db/table-definition.ts';
import { USERS_PARTITION } from '../users/user-item.ts';
import type { UserRepository } from '../users/user-repository.ts';

// Enough writes in flight to fill a table quickly without throttling DynamoDB Local.
const CONCURRENT_WRITES = 25;

/** Creates users number `from` up to `to` (exclusive), `User <n>` with `user<n>@example.com`. */
export async function seedUsers(users: UserRepository, from: number, to: number): Promise<void> {
  for (let start = from; start < to; start += CONCURRENT_WRITES) {
    const batch = Array.from(
      { length: Math.min(CONCURRENT_WRITES, to - start) },
      (_, n) => start + n,
    );
    await Promise.all(
      batch.map((n) => users.create({ name: `User ${n}`, email: `user${n}@example.com` })),
    );
  }
}

/** Lists every user page by page through the repository; returns how many pages it took. */
export async function countRepositoryPages(users: UserRepository, limit: number): Promise<number> {
  let pages = 0;
  let cursor: string | null = null;
  do {
    const page: { nextCursor: string | null } = await users.list({
      limit,
      cursor: cursor ?? undefined,
    });
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor !== null);
  return pages;
}

/** What one Query read: `ScannedCount` is the number of index entries DynamoDB evaluated. */
export interface QueryRead {
  readonly scannedCount: number;
  readonly returnedCount: number;
  /** Read capacity units, when the request asked for `ReturnConsumedCapacity`. */
  readonly capacityUnits: number | undefined;
}

/**
 * Records every Query `client` sends from now on, whoever builds it (a `UserRepository` wrapping
 * `client` included), by reading the counts off each response.
 *
 * @returns The list the records are appended to.
 */
export function recordQueryReads(client: DynamoDBClient): QueryRead[] {
  const reads: QueryRead[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      if (context.commandName === 'QueryCommand') reads.push(toRead(result.output));
      return result;
    },
    { step: 'initialize', name: 'recordQueryReads' },
  );
  return reads;
}

/**
 * Walks the whole `by-created` index in pages of `pageSize` entries with plain SDK Queries that
 * ask for `ReturnConsumedCapacity`, and reports what each page read.
 */
export async function readIndexPages(
  client: DynamoDBClient,
  tableName: string,
  pageSize: number,
): Promise<QueryRead[]> {
  const [index] = usersTable.globalSecondaryIndexes;
  const reads: QueryRead[] = [];
  let startKey: QueryCommandOutput['LastEvaluatedKey'];
  do {
    const output = await client.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: index.name,
        KeyConditionExpression: '#partition = :users',
        ExpressionAttributeNames: { '#partition': index.partitionKey.name },
        ExpressionAttributeValues: { ':users': { S: USERS_PARTITION } },
        Limit: pageSize,
        ExclusiveStartKey: startKey,
        ReturnConsumedCapacity: 'INDEXES',
      }),
    );
    reads.push(toRead(output));
    startKey = output.LastEvaluatedKey;
  } while (startKey !== undefined);
  return reads;
}

function toRead(output: unknown): QueryRead {
  const number = (value: unknown): number | undefined =>
    typeof value === 'number' ? value : undefined;
  const get = (value: unknown, key: string): unknown =>
    typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;
  return {
    scannedCount: number(get(output, 'ScannedCount')) ?? 0,
    returnedCount: number(get(output, 'Count')) ?? 0,
    capacityUnits: number(get(get(output, 'ConsumedCapacity'), 'CapacityUnits')),
  };
}
