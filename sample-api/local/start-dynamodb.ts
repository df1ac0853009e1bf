/**
 * Runs DynamoDB Local for local development with the users table in it, until Ctrl+C.
 *
 *   node sample-api/local/start-dynamodb.ts [--port 8000] [--in-memory] [--table NAME]
 *
 * Data lives in `.local/dynamodb/` (git-ignored) unless `--in-memory` is given.
 */
import { parseArgs } from 'node:util';
import { usersTable } from '../db/table-definition.ts';
import { createTable } from './create-table.ts';
import { DATA_FOLDER } from './data-folder.ts';
import { DynamoDbLocal, JavaRequiredError, localDynamoDbClient } from './dynamodb-local.ts';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'in-memory': { type: 'boolean', default: false },
      table: { type: 'string', default: usersTable.localName },
    },
  });
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
    throw new Error(`--port must be a TCP port; got ${JSON.stringify(values.port)}`);
  }
  const inMemory = values['in-memory'];
  const db = await DynamoDbLocal.start({
    ...(port === undefined ? {} : { port }),
    ...(inMemory ? {} : { dbPath: DATA_FOLDER }),
  });
  const stop = (): void => {
    db.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const client = localDynamoDbClient(db.endpoint);
  const outcome = await createTable(client, values.table).catch(async (error: unknown) => {
    await db.stop();
    throw error;
  });
  client.destroy();
  console.log(
    [
      `DynamoDB Local is listening on ${db.endpoint} (${inMemory ? 'in memory' : `data in ${DATA_FOLDER}`}).`,
      `Table ${values.table} ${outcome === 'created' ? 'created' : 'already there'}.`,
      `Use it with: DYNAMODB_ENDPOINT=${db.endpoint} TABLE_NAME=${values.table}`,
      `or serve the API on it: SAMPLE_DYNAMODB=${db.endpoint} SAMPLE_TABLE=${values.table} npm start`,
      'Press Ctrl+C to stop.',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  // A missing Java is the user's to fix: its message says how, and a stack trace would bury it.
  console.error(error instanceof JavaRequiredError ? error.message : error);
  process.exitCode = 1;
});
