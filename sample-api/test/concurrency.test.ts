import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { jsonRequest } from '../../src/test/support/http-api-event.ts';
import { createdId, pageOf } from './support/api-response.ts';
import { type SampleFunction, startSampleFunction } from './support/sample-function.ts';
import { countItems, createTestTable, testDynamoDbClient } from './support/test-table.ts';

let client: DynamoDBClient;
let table: string;
let api: SampleFunction;

beforeAll(async () => {
  client = testDynamoDbClient();
  table = await createTestTable(client, 'concurrency');
  // Four warm processes stand for four Lambda containers: uniqueness must hold across them.
  api = await startSampleFunction(table, { workers: 4 });
});

afterAll(async () => {
  await api?.stop();
  client?.destroy();
});

async function listAllIds(): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
    const page = pageOf(
      (await api.request({ method: 'GET', path: `/users?limit=100${query}` })).json,
    );
    ids.push(...page.items.map((user) => user.id));
    cursor = page.nextCursor;
  } while (cursor !== null);
  return ids;
}

describe('POST /users under concurrency', () => {
  it('creates exactly one of 30 concurrent users with the same email in mixed case', async () => {
    // Prepare
    const spellings = ['same@example.com', 'Same@Example.com', 'SAME@EXAMPLE.COM'];
    const before = await countItems(client, table);

    // Act
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, n) =>
        api.request(jsonRequest('POST', '/users', { name: `Racer ${n}`, email: spellings[n % 3] })),
      ),
    );

    // Assess
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([201, ...Array(29).fill(409)]);
    expect(await countItems(client, table)).toBe(before + 2);
  });

  it('creates all of 200 concurrent users with distinct emails and lists every one', async () => {
    // Prepare
    const before = await countItems(client, table);

    // Act
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, n) =>
        api.request(
          jsonRequest('POST', '/users', { name: `Crowd ${n}`, email: `crowd${n}@example.com` }),
        ),
      ),
    );

    // Assess
    expect(responses.map((response) => response.status)).toEqual(Array(200).fill(201));
    const ids = responses.map(createdId);
    expect(await countItems(client, table)).toBe(before + 400);
    const listed = new Set(await listAllIds());
    expect(ids.filter((id) => !listed.has(id))).toEqual([]);
  });
});
