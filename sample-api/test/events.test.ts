import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { jsonRequest } from '../../src/test/support/http-api-event.ts';
import { pageOf } from './support/api-response.ts';
import { type SampleFunction, startSampleFunction } from './support/sample-function.ts';
import { createTestTable, testDynamoDbClient } from './support/test-table.ts';

const EVENTS_DIR = join(__dirname, '../events');
const files = readdirSync(EVENTS_DIR)
  .filter((file) => file.endsWith('.json'))
  .sort();
// Creations first, so the list events have users to show.
const creates = files.filter((file) => file.includes('create'));
// Changes run last, each on a user of its own.
const changes = files.filter((file) => /-(update|delete)-user\.json$/.test(file));
const lists = files.filter((file) => !file.includes('create') && !changes.includes(file));

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

  it('has a PATCH and a DELETE event with a JWT authorizer context holding users/write', () => {
    const events = changes.map((file) => JSON.parse(readFileSync(join(EVENTS_DIR, file), 'utf8')));
    expect(events.map((event) => event.routeKey).sort()).toEqual([
      'DELETE /users/{id}',
      'PATCH /users/{id}',
    ]);
    for (const event of events) {
      expect(event.requestContext.authorizer.jwt.scopes).toEqual(['users/write']);
    }
  });

  /** The event of `file`, its user id replaced by that of a user just created. */
  async function onFreshUser(file: string): Promise<{ id: string; event: unknown }> {
    const created = await api.request(
      jsonRequest('POST', '/users', { name: 'Ada Lovelace', email: `${randomUUID()}@example.com` }),
    );
    const id = String(Reflect.get(Object(created.json), 'id'));
    const template = JSON.parse(readFileSync(join(EVENTS_DIR, file), 'utf8'));
    const text = JSON.stringify(template).replaceAll(template.pathParameters.id, id);
    return { id, event: JSON.parse(text) };
  }

  it('apigw-http-update-user.json changes the name of a user through main.handler: 200', async () => {
    // Prepare
    const { id, event } = await onFreshUser('apigw-http-update-user.json');

    // Act
    const result = readResult(await api.invoke(event));
    const after = await api.request({ method: 'GET', path: `/users/${id}` });

    // Assess
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({ id, name: 'Ada King' });
    expect(after.json).toMatchObject({ id, name: 'Ada King' });
  });

  it('apigw-http-delete-user.json deletes a user through main.handler: 204', async () => {
    // Prepare
    const { id, event } = await onFreshUser('apigw-http-delete-user.json');

    // Act
    const result = readResult(await api.invoke(event));
    const after = await api.request({ method: 'GET', path: `/users/${id}` });

    // Assess
    expect(result.status).toBe(204);
    expect(after.status).toBe(404);
  });
});
