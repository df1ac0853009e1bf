import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { jsonRequest } from '../../src/test/support/http-api-event.ts';
import { readIndexPages, recordQueryReads } from '../local/page-reads.ts';
import { UserRepository } from '../users/user-repository.ts';
import { createdId, type PageBody, pageOf, type UserBody } from './support/api-response.ts';
import { type SampleFunction, startSampleFunction } from './support/sample-function.ts';
import { createTestTable, testDynamoDbClient } from './support/test-table.ts';

const USERS = 250;

let client: DynamoDBClient;
let table: string;
let api: SampleFunction;
let created: string[];

/** Follows `nextCursor` from the first page to the last, through main.handler. */
async function walk(limit: number): Promise<PageBody[]> {
  const pages: PageBody[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
    const response = await api.request({ method: 'GET', path: `/users?limit=${limit}${query}` });
    expect(response.status).toBe(200);
    const page = pageOf(response.json);
    pages.push(page);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return pages;
}

function idsOf(pages: readonly PageBody[]): string[] {
  return pages.flatMap((page) => page.items.map((user) => user.id));
}

beforeAll(async () => {
  client = testDynamoDbClient();
  table = await createTestTable(client, 'pages');
  api = await startSampleFunction(table, { workers: 2 });
  created = [];
  for (let batch = 0; batch < USERS; batch += 25) {
    const responses = await Promise.all(
      Array.from({ length: Math.min(25, USERS - batch) }, (_, n) =>
        api.request(
          jsonRequest('POST', '/users', {
            name: `User ${batch + n}`,
            email: `user${batch + n}@example.com`,
          }),
        ),
      ),
    );
    for (const response of responses) {
      expect(response.status).toBe(201);
      created.push(createdId(response));
    }
  }
});

afterAll(async () => {
  await api?.stop();
  client?.destroy();
});

describe('GET /users pagination over 250 users', () => {
  it('returns every user exactly once in pages of 20, the last with nextCursor null', async () => {
    // Act
    const pages = await walk(20);

    // Assess
    const ids = idsOf(pages);
    expect(pages).toHaveLength(13);
    expect(pages.slice(0, -1).every((page) => page.items.length === 20)).toBe(true);
    expect(pages.at(-1)?.items).toHaveLength(10);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...created].sort());
  });

  it('returns the same users in pages of 100', async () => {
    const pages = await walk(100);

    expect(pages.map((page) => page.items.length)).toEqual([100, 100, 50]);
    expect([...idsOf(pages)].sort()).toEqual([...created].sort());
  });

  it('orders users by creation time, then id', async () => {
    const users: UserBody[] = (await walk(100)).flatMap((page) => page.items);

    const keys = users.map((user) => `${user.createdAt}#${user.id}`);

    expect(keys).toEqual([...keys].sort());
  });

  it("reads at most limit + 1 index entries per page in the repository's queries", async () => {
    // Prepare: the repository the function runs, on a client that records each Query's counts
    const recorded = testDynamoDbClient();
    const reads = recordQueryReads(recorded);
    const users = new UserRepository({ client: recorded, tableName: table });

    // Act
    let cursor: string | null = null;
    do {
      const page: { nextCursor: string | null } = await users.list({
        limit: 20,
        cursor: cursor ?? undefined,
      });
      cursor = page.nextCursor;
    } while (cursor !== null);
    recorded.destroy();

    // Assess
    expect(reads).toHaveLength(13);
    expect(Math.max(...reads.map((read) => read.scannedCount))).toBeLessThanOrEqual(21);
  });

  it('reads about limit index entries per page as DynamoDB reports it with ReturnConsumedCapacity', async () => {
    // Act
    const reads = await readIndexPages(client, table, 21);

    // Assess
    expect(reads.map((read) => read.scannedCount).slice(0, -1)).toEqual(
      Array(reads.length - 1).fill(21),
    );
    expect(reads.every((read) => read.scannedCount <= 21)).toBe(true);
    expect(reads.every((read) => read.capacityUnits !== undefined && read.capacityUnits <= 1)).toBe(
      true,
    );
  });

  it("answers 400 to another table's cursor, and that table to this one's", async () => {
    // Prepare
    const otherTable = await createTestTable(client, 'pages-other');
    const other = await startSampleFunction(otherTable);
    await other.request(jsonRequest('POST', '/users', { name: 'A', email: 'a@example.com' }));
    await other.request(jsonRequest('POST', '/users', { name: 'B', email: 'b@example.com' }));
    const ours =
      pageOf((await api.request({ method: 'GET', path: '/users?limit=1' })).json).nextCursor ?? '';
    const theirs =
      pageOf((await other.request({ method: 'GET', path: '/users?limit=1' })).json).nextCursor ??
      '';

    // Act
    const oursThere = await other.request({ method: 'GET', path: `/users?cursor=${ours}` });
    const theirsHere = await api.request({ method: 'GET', path: `/users?cursor=${theirs}` });
    await other.stop();

    // Assess
    expect(oursThere.status).toBe(400);
    expect(theirsHere.status).toBe(400);
    expect(theirsHere.json).toMatchObject({ status: 400, errors: { cursor: expect.any(Array) } });
  });
});
