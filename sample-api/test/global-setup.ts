import { DynamoDbLocal } from '../local/dynamodb-local.ts';
import { ENDPOINT_VARIABLE } from './support/test-table.ts';

/** Where the setup leaves the stop function for `global-teardown.ts` (same process, own modules). */
export const STOP_KEY = Symbol.for('lambda-controllers.sample-api.stop-dynamodb-local');

/**
 * Starts one in-memory DynamoDB Local for the whole integration run and publishes its endpoint in
 * an environment variable, which the test workers inherit. Each test file makes its own table.
 */
export default async function globalSetup(): Promise<void> {
  const db = await DynamoDbLocal.start();
  process.env[ENDPOINT_VARIABLE] = db.endpoint;
  Reflect.set(globalThis, STOP_KEY, () => db.stop());
}
