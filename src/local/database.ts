import { join, relative } from 'node:path';
import { createTable } from '../../sample-api/local/create-table.ts';
import {
  DynamoDbLocal,
  LOCAL_AWS_ENV,
  localDynamoDbClient,
} from '../../sample-api/local/dynamodb-local.ts';
import type { DatabaseMode } from './cli-options';
import { REPO_ROOT } from './task-root';

/** Where `npm start` keeps DynamoDB Local's data (git-ignored; shared with `npm run dynamodb`). */
export const DATA_FOLDER = join(REPO_ROOT, '.local/dynamodb');

/** The function's database for one local run. */
export interface Database {
  /** What the function needs to reach it: endpoint, table name, fake credentials. */
  readonly env: Readonly<Record<string, string>>;
  /** One line for the start banner. */
  readonly description: string;
  /** Stops DynamoDB Local when this run started it. */
  stop(): Promise<void>;
}

async function ensureTable(endpoint: string, tableName: string): Promise<string> {
  const client = localDynamoDbClient(endpoint);
  try {
    return (await createTable(client, tableName)) === 'created' ? 'created' : 'already there';
  } finally {
    client.destroy();
  }
}

function envFor(endpoint: string, tableName: string): Record<string, string> {
  return { ...LOCAL_AWS_ENV, DYNAMODB_ENDPOINT: endpoint, TABLE_NAME: tableName };
}

/**
 * Starts (or connects to) the database `mode` names and creates the users table when missing.
 *
 * @throws JavaRequiredError or DynamoDbLocalStartError when DynamoDB Local cannot start.
 */
export async function openDatabase(mode: DatabaseMode, tableName: string): Promise<Database> {
  if (mode.kind === 'off') {
    return { env: {}, description: 'none (--dynamodb off)', stop: async () => undefined };
  }
  if (mode.kind === 'endpoint') {
    const table = await ensureTable(mode.url, tableName);
    return {
      env: envFor(mode.url, tableName),
      description: `${mode.url}, table ${tableName} (${table})`,
      stop: async () => undefined,
    };
  }
  const db = await DynamoDbLocal.start(mode.kind === 'local' ? { dbPath: DATA_FOLDER } : {});
  try {
    const table = await ensureTable(db.endpoint, tableName);
    const data =
      mode.kind === 'local' ? `data in ${relative(process.cwd(), DATA_FOLDER)}` : 'in memory';
    return {
      env: envFor(db.endpoint, tableName),
      description: `DynamoDB Local on ${db.endpoint} (${data}), table ${tableName} (${table})`,
      stop: () => db.stop(),
    };
  } catch (error) {
    await db.stop();
    throw error;
  }
}
