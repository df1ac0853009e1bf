import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type HttpApiRequest, jsonRequest } from '../../src/test/support/http-api-event.ts';
import { pageOf } from './support/api-response.ts';
import { type SampleFunction, startSampleFunction } from './support/sample-function.ts';
import { countItems, createTestTable, testDynamoDbClient } from './support/test-table.ts';

const JSON_TYPE = { 'content-type': 'application/json' };
const VALID = { name: 'Ada', email: 'ada@example.com' };

function post(body: string, headers: Record<string, string> = JSON_TYPE): HttpApiRequest {
  return { method: 'POST', path: '/users', headers, body };
}

function list(query: string): HttpApiRequest {
  return { method: 'GET', path: `/users?${query}` };
}

/** Replaces one character in the middle of the cursor's payload. */
function tamper(cursor: string): string {
  const index = Math.floor(cursor.indexOf('.') / 2);
  return `${cursor.slice(0, index)}${cursor[index] === 'A' ? 'B' : 'A'}${cursor.slice(index + 1)}`;
}

let client: DynamoDBClient;
let table: string;
let api: SampleFunction;
let cursor: string;

beforeAll(async () => {
  client = testDynamoDbClient();
  table = await createTestTable(client, 'bad-inputs');
  api = await startSampleFunction(table);
  for (const n of [1, 2, 3]) {
    await api.request(
      jsonRequest('POST', '/users', { name: `Seed ${n}`, email: `seed${n}@example.com` }),
    );
  }
  cursor = pageOf((await api.request(list('limit=1'))).json).nextCursor ?? '';
});

afterAll(async () => {
  await api?.stop();
  client?.destroy();
});

describe('sample API on bad input', () => {
  it.each<[string, () => HttpApiRequest, number]>([
    ['an empty body', () => post(''), 400],
    ['no body at all', () => ({ method: 'POST', path: '/users', headers: JSON_TYPE }), 400],
    ['malformed JSON', () => post('{"name": "Ada", "email":'), 400],
    ['a JSON array', () => post(JSON.stringify([VALID])), 400],
    ['an empty JSON array', () => post('[]'), 400],
    ['a JSON string', () => post('"Ada"'), 400],
    ['a JSON number', () => post('42'), 400],
    ['JSON null', () => post('null'), 400],
    ['a missing name', () => post(JSON.stringify({ email: VALID.email })), 400],
    ['a missing email', () => post(JSON.stringify({ name: VALID.name })), 400],
    ['a numeric name', () => post(JSON.stringify({ ...VALID, name: 42 })), 400],
    ['an object name', () => post(JSON.stringify({ ...VALID, name: { first: 'Ada' } })), 400],
    ['a boolean email', () => post(JSON.stringify({ ...VALID, email: true })), 400],
    ['a null email', () => post(JSON.stringify({ ...VALID, email: null })), 400],
    ['a name of only spaces', () => post(JSON.stringify({ ...VALID, name: '    ' })), 400],
    ['a 101-character name', () => post(JSON.stringify({ ...VALID, name: 'n'.repeat(101) })), 400],
    ['an email without @', () => post(JSON.stringify({ ...VALID, email: 'ada.example.com' })), 400],
    [
      'an email with a space',
      () => post(JSON.stringify({ ...VALID, email: 'ada lovelace@example.com' })),
      400,
    ],
    [
      'a 255-character email',
      () =>
        post(
          JSON.stringify({
            ...VALID,
            email: `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(58)}.com`,
          }),
        ),
      400,
    ],
    ['an extra property', () => post(JSON.stringify({ ...VALID, admin: true })), 400],
    [
      'a __proto__ key',
      () => post(`{"name":"Ada","email":"ada@example.com","__proto__":{"admin":true}}`),
      400,
    ],
    [
      'a constructor key',
      () =>
        post(`{"name":"Ada","email":"ada@example.com","constructor":{"prototype":{"admin":true}}}`),
      400,
    ],
    [
      'a text/plain content type',
      () => post(JSON.stringify(VALID), { 'content-type': 'text/plain' }),
      415,
    ],
    [
      'a form content type',
      () =>
        post('name=Ada&email=ada%40example.com', {
          'content-type': 'application/x-www-form-urlencoded',
        }),
      415,
    ],
    [
      'a body over 1 MiB',
      () => post(JSON.stringify({ ...VALID, pad: 'x'.repeat(1_048_576) })),
      413,
    ],
    ['limit=0', () => list('limit=0'), 400],
    ['limit=101', () => list('limit=101'), 400],
    ['limit=abc', () => list('limit=abc'), 400],
    ['limit=-5', () => list('limit=-5'), 400],
    ['limit=2.5', () => list('limit=2.5'), 400],
    ['a repeated limit', () => list('limit=5&limit=6'), 400],
    ['a garbage cursor', () => list('cursor=garbage'), 400],
    ['an empty cursor', () => list('cursor='), 400],
    ['a tampered cursor', () => list(`cursor=${tamper(cursor)}`), 400],
    ['a truncated cursor', () => list(`cursor=${cursor.slice(0, -3)}`), 400],
    ['a repeated cursor', () => list(`cursor=${cursor}&cursor=${cursor}`), 400],
  ])(
    'answers %s with a %i problem and leaves the table unchanged',
    async (_label, spec, status) => {
      // Prepare
      const before = await countItems(client, table);

      // Act
      const response = await api.request(spec());

      // Assess
      expect(response.status).toBe(status);
      expect(response.headers).toHaveProperty(
        'content-type',
        expect.stringMatching(/^application\/problem\+json/),
      );
      expect(response.json).toMatchObject({ status, title: expect.any(String) });
      expect(await countItems(client, table)).toBe(before);
    },
  );

  it('lists the second page with the untampered cursor', async () => {
    const response = await api.request(list(`limit=1&cursor=${cursor}`));

    expect(response.status).toBe(200);
    expect(pageOf(response.json).items).toHaveLength(1);
  });
});
