import { type DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { type HttpApiRequest, jsonRequest } from '../../src/test/support/http-api-event.ts';
import { USERS_WRITE } from '../routes.ts';
import { createdId, userOf } from './support/api-response.ts';
import { type SampleFunction, startSampleFunction } from './support/sample-function.ts';
import { countItems, createTestTable, testDynamoDbClient } from './support/test-table.ts';

let client: DynamoDBClient;
let table: string;
let api: SampleFunction;

beforeAll(async () => {
  client = testDynamoDbClient();
  table = await createTestTable(client, 'changes');
  // Several containers: the uniqueness of emails must hold across them.
  api = await startSampleFunction(table, { workers: 4 });
});

afterAll(async () => {
  await api?.stop();
  client?.destroy();
});

/** What an HTTP API JWT authorizer passes for a token with `scopes`. */
function asWriter(
  request: HttpApiRequest,
  scopes: readonly string[] = [USERS_WRITE],
): HttpApiRequest {
  return { ...request, jwt: { claims: { sub: 'admin-client', scope: scopes.join(' ') }, scopes } };
}

function withHeaders(request: HttpApiRequest, headers: Record<string, string>): HttpApiRequest {
  return { ...request, headers: { ...request.headers, ...headers } };
}

async function createUser(name: string, email: string): Promise<{ id: string; etag: string }> {
  const created = await api.request(jsonRequest('POST', '/users', { name, email }));
  const id = createdId(created);
  const read = await api.request({ method: 'GET', path: `/users/${id}` });
  const etag = read.headers['etag'];
  if (etag === undefined) throw new Error('GET /users/{id} sent no ETag');
  return { id, etag };
}

async function emailOwner(email: string): Promise<string | undefined> {
  const output = await client.send(
    new GetItemCommand({
      TableName: table,
      Key: { pk: { S: `EMAIL#${email}` } },
      ConsistentRead: true,
    }),
  );
  return output.Item?.['userId']?.S;
}

function patch(id: string, body: unknown, ifMatch: string): HttpApiRequest {
  return asWriter(withHeaders(jsonRequest('PATCH', `/users/${id}`, body), { 'if-match': ifMatch }));
}

describe('PATCH /users/{id} against DynamoDB Local', () => {
  beforeAll(async () => {
    // The address a PATCH below tries to take.
    await createUser('Taken', 'taken@example.com');
  });

  it('changes the name, answers the new ETag, and GET shows the change', async () => {
    // Prepare
    const { id, etag } = await createUser('Ada', 'ada.patch@example.com');

    // Act
    const changed = await api.request(patch(id, { name: 'Ada Lovelace' }, etag));
    const read = await api.request({ method: 'GET', path: `/users/${id}` });

    // Assess
    expect(changed.status).toBe(200);
    expect(changed.headers['etag']).not.toBe(etag);
    expect(read.headers['etag']).toBe(changed.headers['etag']);
    expect(userOf(read.json)).toMatchObject({
      id,
      name: 'Ada Lovelace',
      email: 'ada.patch@example.com',
    });
  });

  it('moves the email: the old address is free at once, the new one taken in any case', async () => {
    // Prepare
    const { id, etag } = await createUser('Grace', 'grace.old@example.com');

    // Act
    const changed = await api.request(patch(id, { email: 'Grace.New@Example.com' }, etag));
    const reuseOld = await api.request(
      jsonRequest('POST', '/users', { name: 'G2', email: 'grace.old@example.com' }),
    );
    const takeNew = await api.request(
      jsonRequest('POST', '/users', { name: 'G3', email: 'GRACE.NEW@example.com' }),
    );

    // Assess
    expect(changed.status).toBe(200);
    expect(userOf(changed.json).email).toBe('grace.new@example.com');
    expect([reuseOld.status, takeNew.status]).toEqual([201, 409]);
    expect(await emailOwner('grace.new@example.com')).toBe(id);
  });

  it('lets exactly one of 20 users take the same new email when they all try at once', async () => {
    // Prepare
    const users = await Promise.all(
      Array.from({ length: 20 }, (_, n) => createUser(`Racer ${n}`, `racer${n}@example.com`)),
    );
    const before = await countItems(client, table);

    // Act
    const answers = await Promise.all(
      users.map(({ id, etag }) => api.request(patch(id, { email: 'prize@example.com' }, etag))),
    );

    // Assess
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([200, ...Array(19).fill(409)]);
    const winner = users[answers.findIndex((answer) => answer.status === 200)];
    expect(await emailOwner('prize@example.com')).toBe(winner?.id);
    // The winner's old address went and its new one came: the count of items is unchanged.
    expect(await countItems(client, table)).toBe(before);
  });

  it('answers 412 to a stale If-Match and leaves the user unchanged', async () => {
    // Prepare
    const { id, etag } = await createUser('Edsger', 'edsger@example.com');
    await api.request(patch(id, { name: 'E. W. Dijkstra' }, etag));

    // Act
    const stale = await api.request(patch(id, { name: 'Someone else' }, etag));
    const read = await api.request({ method: 'GET', path: `/users/${id}` });

    // Assess
    expect(stale.status).toBe(412);
    expect(stale.headers['etag']).toBe(read.headers['etag']);
    expect(userOf(read.json).name).toBe('E. W. Dijkstra');
  });

  it.each<[string, number, (id: string, etag: string) => HttpApiRequest]>([
    ['no If-Match', 428, (id) => asWriter(jsonRequest('PATCH', `/users/${id}`, { name: 'X' }))],
    [
      'no token',
      401,
      (id, etag) =>
        withHeaders(jsonRequest('PATCH', `/users/${id}`, { name: 'X' }), { 'if-match': etag }),
    ],
    [
      'a token without the scope',
      403,
      (id, etag) =>
        asWriter(
          withHeaders(jsonRequest('PATCH', `/users/${id}`, { name: 'X' }), { 'if-match': etag }),
          ['users/read'],
        ),
    ],
    ['an empty body object', 400, (id, etag) => patch(id, {}, etag)],
    ['an unknown field', 400, (id, etag) => patch(id, { name: 'X', role: 'admin' }, etag)],
    ['an invalid email', 400, (id, etag) => patch(id, { email: 'nope' }, etag)],
    ['a taken email', 409, (id, etag) => patch(id, { email: 'taken@example.com' }, etag)],
    [
      'an unknown id',
      404,
      (_id, etag) => patch('7a1c2e34-5b6d-4e7f-8a9b-0c1d2e3f4a5b', { name: 'X' }, etag),
    ],
  ])('answers %s with %i and changes nothing', async (_label, status, request) => {
    // Prepare
    const { id, etag } = await createUser(
      'Barbara',
      `barbara.${status}.${Math.random()}@example.com`,
    );
    const before = await countItems(client, table);
    const readBefore = await api.request({ method: 'GET', path: `/users/${id}` });

    // Act
    const answer = await api.request(request(id, etag));

    // Assess
    expect(answer.status).toBe(status);
    expect(answer.headers['content-type']).toBe('application/problem+json');
    expect(await countItems(client, table)).toBe(before);
    expect((await api.request({ method: 'GET', path: `/users/${id}` })).json).toEqual(
      readBefore.json,
    );
  });
});

describe('DELETE /users/{id} against DynamoDB Local', () => {
  it('answers 204, removes the user and frees its email for a new sign-up', async () => {
    // Prepare
    const { id } = await createUser('Alan', 'alan@example.com');
    const before = await countItems(client, table);

    // Act
    const deleted = await api.request(asWriter({ method: 'DELETE', path: `/users/${id}` }));
    const read = await api.request({ method: 'GET', path: `/users/${id}` });
    const again = await api.request(
      jsonRequest('POST', '/users', { name: 'Alan', email: 'ALAN@example.com' }),
    );

    // Assess
    expect(deleted.status).toBe(204);
    expect(read.status).toBe(404);
    expect(again.status).toBe(201);
    expect(await countItems(client, table)).toBe(before);
  });

  it('answers 404 for an unknown id and 412 for a stale If-Match, deleting nothing', async () => {
    // Prepare
    const { id, etag } = await createUser('Kathleen', 'kathleen@example.com');
    await api.request(patch(id, { name: 'Kathleen Booth' }, etag));
    const before = await countItems(client, table);

    // Act
    const unknown = await api.request(
      asWriter({ method: 'DELETE', path: '/users/7a1c2e34-5b6d-4e7f-8a9b-0c1d2e3f4a5b' }),
    );
    const stale = await api.request(
      asWriter({ method: 'DELETE', path: `/users/${id}`, headers: { 'if-match': etag } }),
    );

    // Assess
    expect([unknown.status, stale.status]).toEqual([404, 412]);
    expect(await countItems(client, table)).toBe(before);
  });
});
