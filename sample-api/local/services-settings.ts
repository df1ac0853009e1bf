import { usersTable } from '../db/table-definition.ts';

/** Where the sample's database comes from. */
export type DynamoDbSetting =
  /** DynamoDB Local with its data under `.local/dynamodb/`. */
  | { readonly kind: 'local' }
  /** DynamoDB Local in memory: nothing survives a restart. */
  | { readonly kind: 'memory' }
  /** No database: the API then fails its requests with 500. */
  | { readonly kind: 'off' }
  /** An already running DynamoDB (Local) endpoint. */
  | { readonly kind: 'endpoint'; readonly url: string };

/** What the sample's services module is told through the environment of `npm start`. */
export interface ServicesSettings {
  readonly dynamodb: DynamoDbSetting;
  /** The table to create when missing and pass to the function as `TABLE_NAME`. */
  readonly table: string;
}

/** `local`, `memory`, `off`, or the URL of a DynamoDB (Local) already running. */
export const DYNAMODB_VARIABLE = 'SAMPLE_DYNAMODB';
/** The users table's name. */
export const TABLE_VARIABLE = 'SAMPLE_TABLE';

function dynamoDbSetting(text: string): DynamoDbSetting {
  if (text === 'local' || text === 'memory' || text === 'off') return { kind: text };
  if (/^https?:\/\/[^/]+/.test(text)) return { kind: 'endpoint', url: text };
  throw new Error(
    `${DYNAMODB_VARIABLE} must be local, memory, off or an http(s) URL; got ${JSON.stringify(text)}`,
  );
}

function tableName(text: string): string {
  // DynamoDB's rule for table names.
  if (/^[A-Za-z0-9_.-]{3,255}$/.test(text)) return text;
  throw new Error(
    `${TABLE_VARIABLE} must be 3 to 255 letters, digits, _, - and .; got ${JSON.stringify(text)}`,
  );
}

/**
 * Reads `SAMPLE_DYNAMODB` (default `local`) and `SAMPLE_TABLE` (default
 * `lambda-controllers-users`).
 *
 * @throws Error naming the variable whose value cannot be used.
 */
export function readServicesSettings(
  env: Readonly<Record<string, string | undefined>>,
): ServicesSettings {
  return {
    dynamodb: dynamoDbSetting(env[DYNAMODB_VARIABLE] ?? 'local'),
    table: tableName(env[TABLE_VARIABLE] ?? usersTable.localName),
  };
}
