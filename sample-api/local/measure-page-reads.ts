/**
 * Measures how many index entries one `GET /users?limit=20` page reads, on tables of 250 and
 * 5,000 users, against an in-memory DynamoDB Local:
 *
 *   node sample-api/local/measure-page-reads.ts [--sizes 250,5000] [--limit 20]
 *
 * It runs the repository's own queries (`ScannedCount` of each) and plain SDK Queries with
 * `ReturnConsumedCapacity` (read capacity units of each page).
 */
import { parseArgs } from 'node:util';
import { UserRepository } from '../users/user-repository.ts';
import { createTable } from './create-table.ts';
import { DynamoDbLocal, localDynamoDbClient } from './dynamodb-local.ts';
import {
  countRepositoryPages,
  type QueryRead,
  readIndexPages,
  recordQueryReads,
  seedUsers,
} from './page-reads.ts';

const TABLE = 'measure-users';

function summary(values: readonly number[]): string {
  const total = values.reduce((sum, value) => sum + value, 0);
  return `min ${Math.min(...values)}, max ${Math.max(...values)}, mean ${(total / values.length).toFixed(2)}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '250,5000' },
      limit: { type: 'string', default: '20' },
    },
  });
  const sizes = values.sizes.split(',').map(Number);
  const limit = Number(values.limit);
  const db = await DynamoDbLocal.start();
  const client = localDynamoDbClient(db.endpoint);
  try {
    await createTable(client, TABLE);
    const repositoryReads: QueryRead[] = recordQueryReads(client);
    const users = new UserRepository({ client, tableName: TABLE });
    let seeded = 0;
    for (const size of sizes) {
      await seedUsers(users, seeded, size);
      seeded = size;
      repositoryReads.length = 0;
      const pages = await countRepositoryPages(users, limit);
      const scanned = repositoryReads.map((read) => read.scannedCount);
      const sdkPages = await readIndexPages(client, TABLE, limit + 1);
      const units = sdkPages.flatMap((read) =>
        read.capacityUnits === undefined ? [] : [read.capacityUnits],
      );
      console.log(
        [
          `${size} users, limit=${limit}: ${pages} pages`,
          `  repository Query ScannedCount per page: ${summary(scanned)}`,
          `  SDK Query (Limit ${limit + 1}) ScannedCount per page: ${summary(sdkPages.map((read) => read.scannedCount))}`,
          `  SDK Query consumed read capacity per page: ${units.length === 0 ? 'not reported' : summary(units)}`,
        ].join('\n'),
      );
    }
  } finally {
    client.destroy();
    await db.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
