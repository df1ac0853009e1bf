import { type DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { jsonRequest } from '../../src/test/support/http-api-event.ts';
import { pageOf, userOf } from './support/api-response.ts';
import { type SampleFunction, startSampleFunction } from './support/sample-function.ts';
import { countItems, createTestTable, testDynamoDbClient } from './support/test-table.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let client: DynamoDBClient;
let table: string;
let api: SampleFunction;

beforeAll(async () => {
  client = testDynamoDbClient();
  table = await createTestTable(client, 'api');
  api = await startSampleFunction(table);
});

afterAll(async () => {
  await api?.stop();
  client?.destroy();
});

describe('sample API through main.handler', () => {
  it('creates a user: 201, Location, the stored fields, two items written', async () => {
    // Prepare
    const before = await countItems(client, table);

    // Act
    const response = await api.request(
      jsonRequest('POST', '/users', { name: '  Ada Lovelace ', email: 'Ada@Example.com' }),
    );

    // Assess
    const user = userOf(response.json);
    expect(response.status).toBe(201);
    expect(user.id).toMatch(UUID);
    expect(user).toMatchObject({ name: 'Ada Lovelace', email: 'ada@example.com' });
    expect(new Date(user.createdAt).toISOString()).toBe(user.createdAt);
    expect(response.headers).toHaveProperty('location', `/users/${user.id}`);
    expect(await countItems(client, table)).toBe(before + 2);
  });

  it('gets the user its Location names', async () => {
    // Prepare
    const created = await api.request(
      jsonRequest('POST', '/users', { name: 'Grace', email: 'grace@example.com' }),
    );

    const { location = '' } = created.headers;

    // Act
    const response = await api.request({ method: 'GET', path: location });

    // Assess
    expect(response.status).toBe(200);
    expect(response.json).toEqual(created.json);
  });

  it('never sends the item version, alone, in the 201 or in a page', async () => {
    // Prepare
    const created = await api.request(
      jsonRequest('POST', '/users', { name: 'Hidden', email: 'hidden@example.com' }),
    );
    const { id } = userOf(created.json);
    const stored = await client.send(
      new GetItemCommand({ TableName: table, Key: { pk: { S: `USER#${id}` } } }),
    );

    // Act
    const fetched = await api.request({ method: 'GET', path: `/users/${id}` });
    const listed = await api.request({ method: 'GET', path: '/users?limit=100' });

    // Assess
    expect(stored.Item?.['version']).toEqual({ N: '1' });
    const keys = ['createdAt', 'email', 'id', 'name'];
    expect(Object.keys(created.json as object).sort()).toEqual(keys);
    expect(Object.keys(fetched.json as object).sort()).toEqual(keys);
    const item = pageOf(listed.json).items.find((user) => user.id === id);
    expect(Object.keys(item ?? {}).sort()).toEqual(keys);
    for (const response of [created, fetched, listed]) {
      expect(response.body).not.toContain('version');
      expect(response.body).not.toContain('USER#');
    }
  });

  it('exports every user as NDJSON, without the item version', async () => {
    // Prepare
    const created = await api.request(
      jsonRequest('POST', '/users', { name: 'Exported', email: 'exported@example.com' }),
    );

    // Act
    const response = await api.request({
      method: 'GET',
      path: '/users/export',
      jwt: { claims: { sub: 'client', scope: 'users/write' }, scopes: ['users/write'] },
    });

    // Assess
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/x-ndjson');
    const lines = response.body
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toContainEqual(created.json);
    expect(lines.map(userOf)).toHaveLength(lines.length);
    expect(response.body).not.toContain('version');
  });

  it('answers 404 problem for a UUID that is no user', async () => {
    const response = await api.request({
      method: 'GET',
      path: '/users/3f2b8c1d-0000-4000-8000-000000000000',
    });

    expect(response.status).toBe(404);
    expect(response.headers).toHaveProperty(
      'content-type',
      expect.stringMatching(/^application\/problem\+json/),
    );
    expect(response.json).toMatchObject({ status: 404 });
  });

  it.each([
    ['a word', '/users/me'],
    ['an email marker key', '/users/EMAIL%23ada%40example.com'],
    ['a 2,000-character id', `/users/${'a'.repeat(2000)}`],
    ['an encoded NUL', '/users/%00'],
    ['a UUID with a suffix', '/users/3f2b8c1d-0000-4000-8000-000000000000x'],
  ])('answers 404 problem, not a DynamoDB error, for %s', async (_label, path) => {
    const response = await api.request({ method: 'GET', path });

    expect(response.status).toBe(404);
    expect(response.json).toMatchObject({ status: 404 });
  });

  it('answers 409 for an email taken in another letter case, writing nothing', async () => {
    // Prepare
    await api.request(jsonRequest('POST', '/users', { name: 'Alan', email: 'alan@example.com' }));
    const before = await countItems(client, table);

    // Act
    const response = await api.request(
      jsonRequest('POST', '/users', { name: 'Alan T', email: 'ALAN@example.COM' }),
    );

    // Assess
    expect(response.status).toBe(409);
    expect(response.headers).toHaveProperty(
      'content-type',
      expect.stringMatching(/^application\/problem\+json/),
    );
    expect(response.json).toMatchObject({ status: 409 });
    expect(await countItems(client, table)).toBe(before);
  });

  it('round-trips a unicode name exactly, in the 201, the GET and the list', async () => {
    // Prepare
    const name = 'Zoe\u0308 Ñandú 李小龍 🚀 \u202Eabc';

    // Act
    const created = await api.request(
      jsonRequest('POST', '/users', { name, email: 'zoe@example.com' }),
    );
    const fetched = await api.request({ method: 'GET', path: `/users/${userOf(created.json).id}` });
    const listed = await api.request({ method: 'GET', path: '/users?limit=100' });

    // Assess
    expect(created.status).toBe(201);
    expect(userOf(created.json).name).toBe(name);
    expect(userOf(fetched.json).name).toBe(name);
    expect(pageOf(listed.json).items.map((user) => user.name)).toContain(name);
  });

  it('accepts a 100-character name and a 254-character email', async () => {
    // Prepare
    const name = 'n'.repeat(100);
    const email = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.com`;

    // Act
    const response = await api.request(jsonRequest('POST', '/users', { name, email }));

    // Assess
    expect(email).toHaveLength(254);
    expect(response.status).toBe(201);
    expect(userOf(response.json)).toMatchObject({ name, email });
  });

  it('lists users as { items, nextCursor }, 20 by default', async () => {
    // Prepare
    const all = Array.from({ length: 25 }, (_, n) => ({
      name: `Lister ${n}`,
      email: `lister${n}@example.com`,
    }));
    for (const body of all) await api.request(jsonRequest('POST', '/users', body));

    // Act
    const response = await api.request({ method: 'GET', path: '/users' });

    // Assess
    const page = pageOf(response.json);
    expect(response.status).toBe(200);
    expect(page.items).toHaveLength(20);
    expect(page.nextCursor).toEqual(expect.any(String));
  });

  it('lists the last page with nextCursor null', async () => {
    const response = await api.request({ method: 'GET', path: '/users?limit=100' });

    expect(response.status).toBe(200);
    expect(pageOf(response.json).nextCursor).toBeNull();
  });
});
