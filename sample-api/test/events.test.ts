import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { pageOf } from './support/api-response.ts';
import { type SampleFunction, startSampleFunction } from './support/sample-function.ts';
import { createTestTable, testDynamoDbClient } from './support/test-table.ts';

const EVENTS_DIR = join(__dirname, '../events');
const files = readdirSync(EVENTS_DIR)
  .filter((file) => file.endsWith('.json'))
  .sort();
// Creations first, so the list events have users to show.
const creates = files.filter((file) => file.includes('create'));
const lists = files.filter((file) => !file.includes('create'));

/** Status, headers (single- and multi-value merged, lower-case) and JSON body of any source's result. */
function readResult(result: unknown): {
  status: unknown;
  headers: Map<string, string>;
  json: unknown;
} {
  const get = (key: string): unknown =>
    typeof result === 'object' && result !== null ? Reflect.get(result, key) : undefined;
  const headers = new Map<string, string>();
  for (const key of ['headers', 'multiValueHeaders']) {
    const map = get(key);
    if (typeof map !== 'object' || map === null) continue;
    for (const [name, value] of Object.entries(map)) headers.set(name.toLowerCase(), String(value));
  }
  const body = get('body');
  const text =
    typeof body === 'string' && get('isBase64Encoded') === true
      ? Buffer.from(body, 'base64').toString()
      : body;
  return {
    status: get('statusCode'),
    headers,
    json: typeof text === 'string' && text !== '' ? JSON.parse(text) : undefined,
  };
}

let client: DynamoDBClient;
let api: SampleFunction;

beforeAll(async () => {
  client = testDynamoDbClient();
  api = await startSampleFunction(await createTestTable(client, 'events'));
});

afterAll(async () => {
  await api?.stop();
  client?.destroy();
});

describe('sample-api/events', () => {
  it('has one POST /users and one GET /users event at least, for npm run invoke', () => {
    expect(creates.length).toBeGreaterThan(0);
    expect(lists.length).toBeGreaterThan(0);
  });

  it.each(creates)('%s creates a user through main.handler: 201 with Location', async (file) => {
    // Act
    const result = readResult(
      await api.invoke(JSON.parse(readFileSync(join(EVENTS_DIR, file), 'utf8'))),
    );

    // Assess
    expect(result.status).toBe(201);
    expect(result.headers.get('location')).toMatch(/^\/users\/[0-9a-f-]{36}$/);
    expect(result.json).toMatchObject({
      id: expect.any(String),
      email: expect.stringContaining('@example.com'),
    });
  });

  it.each(lists)('%s lists users through main.handler: 200 with at most 5 items', async (file) => {
    // Act
    const result = readResult(
      await api.invoke(JSON.parse(readFileSync(join(EVENTS_DIR, file), 'utf8'))),
    );

    // Assess
    expect(result.status).toBe(200);
    expect(pageOf(result.json)).toEqual({ items: expect.any(Array), nextCursor: null });
    expect(pageOf(result.json).items).toHaveLength(creates.length);
  });
});
