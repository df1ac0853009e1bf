/**
 * The sample API's services module: what `npm start` and `npm run invoke` start around the
 * function by default (the local server's `--services`). It starts DynamoDB Local, or connects to
 * one already running, creates the users table when it is missing, and gives the function
 * `DYNAMODB_ENDPOINT`, `TABLE_NAME` and fake credentials. Its settings come from the environment
 * (see `services-settings.ts`):
 *
 *   SAMPLE_DYNAMODB=memory npm start
 *   SAMPLE_DYNAMODB=http://127.0.0.1:8000 SAMPLE_TABLE=users-dev npm run invoke -- EVENT.json
 *
 * The contract it meets (`start(options)` resolving to `{ env, describe, stop }`) is described in
 * the repository README, "Services".
 */
import { relative } from 'node:path';
import { createTable } from './create-table.ts';
import { DATA_FOLDER } from './data-folder.ts';
import { DynamoDbLocal, LOCAL_AWS_ENV, localDynamoDbClient } from './dynamodb-local.ts';
import { DYNAMODB_VARIABLE, readServicesSettings } from './services-settings.ts';

/** The part of the local server's start options this module reads. */
export interface StartOptions {
  /** The environment `npm start` runs in. */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** The running services, as the local server expects them. */
export interface SampleServices {
  /** What the function needs to reach the table: endpoint, table name, fake credentials. */
  readonly env: Readonly<Record<string, string>>;
  /** Lines for the start banner. */
  readonly describe: readonly string[];
  /** Stops DynamoDB Local when this run started it. */
  readonly stop: () => Promise<void>;
}

async function ensureTable(endpoint: string, tableName: string): Promise<string> {
  const client = localDynamoDbClient(endpoint);
  try {
    const outcome = await createTable(client, tableName);
    return `table ${tableName} (${outcome === 'created' ? 'created' : 'already there'})`;
  } finally {
    client.destroy();
  }
}

function envFor(endpoint: string, tableName: string): Record<string, string> {
  return { ...LOCAL_AWS_ENV, DYNAMODB_ENDPOINT: endpoint, TABLE_NAME: tableName };
}

/**
 * Starts (or connects to) the database `SAMPLE_DYNAMODB` names and creates the users table when
 * it is missing.
 *
 * @throws Error for a setting it cannot use; JavaRequiredError or DynamoDbLocalStartError when
 * DynamoDB Local cannot start (nothing is left running then).
 */
export async function start(options: StartOptions): Promise<SampleServices> {
  const { dynamodb, table } = readServicesSettings(options.env);
  if (dynamodb.kind === 'off') {
    return {
      env: {},
      describe: [`no database (${DYNAMODB_VARIABLE}=off)`],
      stop: async () => undefined,
    };
  }
  if (dynamodb.kind === 'endpoint') {
    return {
      env: envFor(dynamodb.url, table),
      describe: [`DynamoDB at ${dynamodb.url}`, await ensureTable(dynamodb.url, table)],
      stop: async () => undefined,
    };
  }
  const db = await DynamoDbLocal.start(dynamodb.kind === 'local' ? { dbPath: DATA_FOLDER } : {});
  try {
    const data =
      dynamodb.kind === 'local' ? `data in ${relative(process.cwd(), DATA_FOLDER)}` : 'in memory';
    return {
      env: envFor(db.endpoint, table),
      describe: [
        `DynamoDB Local on ${db.endpoint} (${data})`,
        await ensureTable(db.endpoint, table),
      ],
      stop: () => db.stop(),
    };
  } catch (error) {
    await db.stop();
    throw error;
  }
}
