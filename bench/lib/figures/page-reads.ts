import { createTable } from '../../../sample-api/local/create-table.ts';
import {
  DynamoDbLocal,
  LOCAL_AWS_ENV,
  localDynamoDbClient,
} from '../../../sample-api/local/dynamodb-local.ts';
import {
  countRepositoryPages,
  readIndexPages,
  recordQueryReads,
  seedUsers,
} from '../../../sample-api/local/page-reads.ts';
import { UserRepository } from '../../../sample-api/users/user-repository.ts';
import { lastJsonLine, runTool } from '../run-tool.ts';

export interface PageReadsRow {
  readonly users: number;
  /** Pages and their sizes as `GET /users?limit=20` through main.handler returned them. */
  readonly handlerPages: number;
  readonly handlerPageSizes: readonly number[];
  /** ScannedCount of each Query the repository behind `GET /users` ran, walking every page. */
  readonly scanned: readonly number[];
  /** Read capacity units per page of the same Query with ReturnConsumedCapacity. */
  readonly capacityUnits: readonly number[];
}

const TABLE = 'bench-users';
const LIMIT = 20;

async function walkHandler(
  tool: string,
  env: NodeJS.ProcessEnv,
): Promise<{ pages: number; pageSizes: number[] }> {
  return lastJsonLine((await runTool(tool, env)).stdout) as { pages: number; pageSizes: number[] };
}

/**
 * Figure D: the sample API against DynamoDB Local, on tables of each size. Pages are walked
 * through main.handler (the built layer and routes.js); the items each page reads come from the
 * same repository Query with `ScannedCount`, and from a plain Query asking for consumed capacity
 * (sample-api/local/page-reads.ts).
 */
export async function measurePageReads(
  walker: string,
  layerModules: string,
  sampleApiTask: string,
  sizes: readonly number[],
  log: (line: string) => void,
): Promise<PageReadsRow[]> {
  const db = await DynamoDbLocal.start();
  const client = localDynamoDbClient(db.endpoint);
  const rows: PageReadsRow[] = [];
  try {
    await createTable(client, TABLE);
    const reads = recordQueryReads(client);
    const users = new UserRepository({ client, tableName: TABLE });
    let seeded = 0;
    for (const size of sizes) {
      await seedUsers(users, seeded, size);
      seeded = size;
      const handler = await walkHandler(walker, {
        PATH: process.env['PATH'] ?? '',
        NODE_PATH: layerModules,
        LAMBDA_TASK_ROOT: sampleApiTask,
        _HANDLER: 'main.handler',
        TABLE_NAME: TABLE,
        DYNAMODB_ENDPOINT: db.endpoint,
        LAMBDA_CONTROLLERS_ACCESS_LOG: 'off',
        BENCH_LIMIT: String(LIMIT),
        ...LOCAL_AWS_ENV,
      });
      reads.length = 0;
      const repositoryPages = await countRepositoryPages(users, LIMIT);
      const scanned = reads.map((read) => read.scannedCount);
      if (repositoryPages !== handler.pages) {
        throw new Error(
          `${size} users: ${handler.pages} pages via main.handler, ${repositoryPages} via the repository`,
        );
      }
      const capacity = await readIndexPages(client, TABLE, LIMIT + 1);
      rows.push({
        users: size,
        handlerPages: handler.pages,
        handlerPageSizes: handler.pageSizes,
        scanned,
        capacityUnits: capacity.flatMap((read) =>
          read.capacityUnits === undefined ? [] : [read.capacityUnits],
        ),
      });
      log(`  D: ${size} users, ${handler.pages} pages`);
    }
  } finally {
    client.destroy();
    await db.stop();
  }
  return rows;
}
