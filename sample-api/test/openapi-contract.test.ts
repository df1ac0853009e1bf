import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type HttpApiRequest, jsonRequest } from '../../src/test/support/http-api-event.ts';
import { createdId, pageOf } from './support/api-response.ts';
import { ContractChecker } from './support/contract.ts';
import { readOpenApiFile, writeSampleDocument } from './support/openapi-document.ts';
import { type SampleFunction, startSampleFunction } from './support/sample-function.ts';
import { createTestTable, testDynamoDbClient } from './support/test-table.ts';

const JSON_TYPE = { 'content-type': 'application/json' };
const UNKNOWN_ID = '3f2b8c1d-0000-4000-8000-000000000000';
const ONE_MIB = 1_048_576;

let client: DynamoDBClient;
let api: SampleFunction;
let checker: ContractChecker;
let userId: string;
let changedId: string;
let cursor: string;

/** A change as API Gateway passes it after its JWT authorizer admitted a token with `scopes`. */
function change(
  method: 'PATCH' | 'DELETE',
  id: string,
  options: { body?: unknown; ifMatch?: string; scopes?: readonly string[] | null } = {},
): HttpApiRequest {
  const { body, ifMatch, scopes = ['users/write'] } = options;
  const base: HttpApiRequest =
    body === undefined
      ? { method, path: `/users/${id}` }
      : jsonRequest(method, `/users/${id}`, body);
  return {
    ...base,
    headers: { ...base.headers, ...(ifMatch === undefined ? {} : { 'if-match': ifMatch }) },
    ...(scopes === null
      ? {}
      : { jwt: { claims: { sub: 'client', scope: scopes.join(' ') }, scopes } }),
  };
}

beforeAll(async () => {
  // The document comes from the built layer and function, as `npm run openapi` writes it.
  const folder = mkdtempSync(join(tmpdir(), 'openapi-contract-'));
  writeSampleDocument(join(folder, 'openapi.json'));
  checker = new ContractChecker(readOpenApiFile(join(folder, 'openapi.json')));
  rmSync(folder, { recursive: true, force: true });

  client = testDynamoDbClient();
  api = await startSampleFunction(await createTestTable(client, 'contract'));
  const created = await api.request(
    jsonRequest('POST', '/users', { name: 'Seed', email: 'seed@example.com' }),
  );
  userId = createdId(created);
  await api.request(jsonRequest('POST', '/users', { name: 'Seed 2', email: 'seed2@example.com' }));
  changedId = createdId(
    await api.request(
      jsonRequest('POST', '/users', { name: 'Changed', email: 'changed@example.com' }),
    ),
  );
  cursor =
    pageOf((await api.request({ method: 'GET', path: '/users?limit=1' })).json).nextCursor ?? '';
});

afterAll(async () => {
  await api?.stop();
  client?.destroy();
});

describe('the sample API conforms to its OpenAPI document', () => {
  it.each<[string, number, () => HttpApiRequest]>([
    [
      'creates a user',
      201,
      () => jsonRequest('POST', '/users', { name: 'Ada', email: 'ada@example.com' }),
    ],
    ['gets a user', 200, () => ({ method: 'GET', path: `/users/${userId}` })],
    [
      'exports every user as NDJSON',
      200,
      () => ({
        method: 'GET',
        path: '/users/export',
        jwt: { claims: { sub: 'client', scope: 'users/write' }, scopes: ['users/write'] },
      }),
    ],
    ['refuses the export without a token', 401, () => ({ method: 'GET', path: '/users/export' })],
    [
      'refuses the export to a token without users/write',
      403,
      () => ({
        method: 'GET',
        path: '/users/export',
        jwt: { claims: { sub: 'client', scope: 'users/read' }, scopes: ['users/read'] },
      }),
    ],
    ['lists a page with a next cursor', 200, () => ({ method: 'GET', path: '/users?limit=1' })],
    [
      'lists the last page, nextCursor null',
      200,
      () => ({ method: 'GET', path: '/users?limit=100' }),
    ],
    [
      'reads the next page',
      200,
      () => ({ method: 'GET', path: `/users?cursor=${encodeURIComponent(cursor)}` }),
    ],
    ['finds no user', 404, () => ({ method: 'GET', path: `/users/${UNKNOWN_ID}` })],
    ['refuses an invalid body', 400, () => jsonRequest('POST', '/users', { name: '', email: 'x' })],
    [
      'refuses an unknown member',
      400,
      () => jsonRequest('POST', '/users', { name: 'A', email: 'a@example.com', admin: true }),
    ],
    [
      'refuses malformed JSON',
      400,
      () => ({ method: 'POST', path: '/users', headers: JSON_TYPE, body: '{"name":' }),
    ],
    ['refuses a missing body', 400, () => ({ method: 'POST', path: '/users', headers: JSON_TYPE })],
    ['refuses limit 0', 400, () => ({ method: 'GET', path: '/users?limit=0' })],
    ['refuses a limit that is no number', 400, () => ({ method: 'GET', path: '/users?limit=ten' })],
    ['refuses limit given twice', 400, () => ({ method: 'GET', path: '/users?limit=1&limit=2' })],
    [
      'refuses a cursor it did not issue',
      400,
      () => ({ method: 'GET', path: '/users?cursor=not-a-cursor' }),
    ],
    [
      'refuses a taken email',
      409,
      () => jsonRequest('POST', '/users', { name: 'Again', email: 'SEED@example.com' }),
    ],
    [
      'refuses a change without a token',
      401,
      () => change('PATCH', changedId, { body: { name: 'X' }, ifMatch: '"1"', scopes: null }),
    ],
    [
      'refuses a change without users/write',
      403,
      () =>
        change('PATCH', changedId, { body: { name: 'X' }, ifMatch: '"1"', scopes: ['users/read'] }),
    ],
    [
      'refuses a change without If-Match',
      428,
      () => change('PATCH', changedId, { body: { name: 'X' } }),
    ],
    [
      'refuses an empty change',
      400,
      () => change('PATCH', changedId, { body: {}, ifMatch: '"1"' }),
    ],
    [
      'changes a user',
      200,
      () => change('PATCH', changedId, { body: { name: 'Changed once' }, ifMatch: '"1"' }),
    ],
    [
      'refuses a stale change',
      412,
      () => change('PATCH', changedId, { body: { name: 'Lost' }, ifMatch: '"1"' }),
    ],
    [
      'refuses a change to a taken email',
      409,
      () => change('PATCH', changedId, { body: { email: 'seed@example.com' }, ifMatch: '"2"' }),
    ],
    [
      'finds no user to change',
      404,
      () => change('PATCH', UNKNOWN_ID, { body: { name: 'X' }, ifMatch: '*' }),
    ],
    ['deletes a user', 204, () => change('DELETE', changedId)],
    ['finds no user to delete', 404, () => change('DELETE', changedId)],
    [
      'refuses PUT on a user',
      405,
      () => ({ method: 'PUT', path: `/users/${userId}`, headers: JSON_TYPE, body: '{}' }),
    ],
    [
      'refuses PUT on the collection',
      405,
      () => ({ method: 'PUT', path: '/users', headers: JSON_TYPE, body: '{}' }),
    ],
    [
      'refuses a text body',
      415,
      () => ({
        method: 'POST',
        path: '/users',
        headers: { 'content-type': 'text/plain' },
        body: 'Ada',
      }),
    ],
    [
      'refuses a body over 1 MiB',
      413,
      () => ({
        method: 'POST',
        path: '/users',
        headers: JSON_TYPE,
        body: JSON.stringify({ name: 'n'.repeat(ONE_MIB), email: 'big@example.com' }),
      }),
    ],
  ])('%s: %i as documented', async (_label, status, makeSpec) => {
    // Prepare
    const spec = makeSpec();

    // Act
    const response = await api.request(spec);

    // Assess
    expect(response.status).toBe(status);
    expect(checker.violations(spec, response)).toEqual([]);
  });

  it('reached every documented operation', () => {
    expect(checker.uncovered()).toEqual([]);
  });
});

describe('the contract checker', () => {
  it('reports a status the operation does not document', () => {
    const spec: HttpApiRequest = { method: 'GET', path: `/users/${UNKNOWN_ID}` };
    const teapot = { status: 418, headers: {}, body: '', json: undefined };

    expect(checker.violations(spec, teapot)).toEqual(['GET /users/{id} → 418 is not documented']);
  });

  it('reports a body that does not match the documented schema', () => {
    const spec: HttpApiRequest = { method: 'GET', path: `/users/${UNKNOWN_ID}` };
    const body = { id: 'not-a-uuid', name: 'A', email: 'a@example.com', createdAt: 'today' };
    const response = {
      status: 200,
      headers: { 'content-type': 'application/json', etag: '"1"' },
      body: JSON.stringify(body),
      json: body,
    };

    expect(checker.violations(spec, response)).toEqual([
      expect.stringContaining('GET /users/{id} → 200 body does not match its schema'),
    ]);
  });
});
