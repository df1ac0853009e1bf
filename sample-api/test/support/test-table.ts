import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

export { countItems } from '../../local/count-items.ts';

import { createTable } from '../../local/create-table.ts';
import { localDynamoDbClient } from '../../local/dynamodb-local.ts';

/** The environment variable through which `global-setup.ts` publishes DynamoDB Local's URL. */
export const ENDPOINT_VARIABLE = 'SAMPLE_API_DYNAMODB_ENDPOINT';

/**
 * DynamoDB Local's endpoint for this test run.
 *
 * @throws when the integration project's global setup did not run.
 */
export function dynamoDbEndpoint(): string {
  const { [ENDPOINT_VARIABLE]: endpoint } = process.env;
  if (endpoint === undefined) {
    throw new Error(
      `${ENDPOINT_VARIABLE} is not set: run these tests through the jest "integration" project, ` +
        'whose globalSetup starts DynamoDB Local.',
    );
  }
  return endpoint;
}

/** A client for the test run's DynamoDB Local. */
export function testDynamoDbClient(): DynamoDBClient {
  return localDynamoDbClient(dynamoDbEndpoint());
}

/** Creates a users table with a fresh name, so every test file counts only its own items. */
export async function createTestTable(client: DynamoDBClient, label: string): Promise<string> {
  const name = `users-${label}-${randomUUID().slice(0, 8)}`;
  await createTable(client, name);
  return name;
}
