import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { usersTable } from './table-definition.ts';

/** A setting the function cannot run without is missing from its environment. */
export class MissingSettingError extends Error {
  constructor(name: string, hint: string) {
    super(`${name} is not set: ${hint}`);
    this.name = 'MissingSettingError';
  }
}

let client: DynamoDBClient | undefined;

/**
 * The DynamoDB client of this container, created on first use and then reused, so its
 * connections and credentials outlive one invocation. Region and credentials come from the
 * usual AWS environment (`AWS_REGION`, the function's role); `DYNAMODB_ENDPOINT` points it
 * elsewhere, e.g. at DynamoDB Local.
 */
export function dynamoDbClient(): DynamoDBClient {
  const { DYNAMODB_ENDPOINT: endpoint } = process.env;
  client ??= createClient(endpoint);
  return client;
}

function createClient(endpoint: string | undefined): DynamoDBClient {
  return endpoint === undefined || endpoint === ''
    ? new DynamoDBClient({})
    : new DynamoDBClient({ endpoint });
}

/**
 * The users table's name, from `TABLE_NAME`.
 *
 * @throws MissingSettingError when `TABLE_NAME` is unset or empty.
 */
export function usersTableName(): string {
  const { TABLE_NAME: name } = process.env;
  if (name === undefined || name === '') {
    throw new MissingSettingError(
      'TABLE_NAME',
      'set it to the users table (Terraform sets it on the function; local runs use ' +
        `${JSON.stringify(usersTable.localName)}).`,
    );
  }
  return name;
}
