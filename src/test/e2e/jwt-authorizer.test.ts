import { randomUUID } from 'node:crypto';
import {
  DEV_AUDIENCE,
  DEV_ISSUER,
  generateDevIssuerKeys,
  loadDevIssuer,
} from '../../local/dev-issuer';
import { devToken } from '../../local/dev-token';
import { signToken } from '../../local/sign-token';
import { REPO_ROOT } from '../../local/task-root';
import { type ServerUnderTest, startServer } from './support/local-server';

// The server reads the development issuer of the folder it runs in, the repository here.
const issuer = loadDevIssuer(REPO_ROOT);
const token = (scopes: readonly string[], expiresInSeconds = 600) =>
  devToken(issuer, { scopes, subject: 'dev-1', expiresInSeconds });

let server: ServerUnderTest;

beforeAll(async () => {
  server = await startServer([], { SAMPLE_DYNAMODB: 'memory' });
});

afterAll(async () => {
  await server?.stop();
});

async function createUser(): Promise<{ id: string; etag: string }> {
  const created = await fetch(`${server.url}/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Ada Lovelace', email: `ada-${randomUUID()}@example.com` }),
  });
  const { id } = (await created.json()) as { id: string };
  const fetched = await fetch(`${server.url}/users/${id}`);
  return { id, etag: fetched.headers.get('etag') ?? '' };
}

function patchName(id: string, headers: Record<string, string>): Promise<Response> {
  return fetch(`${server.url}/users/${id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', 'if-match': '"1"', ...headers },
    body: JSON.stringify({ name: 'Ada King' }),
  });
}

describe('npm start applying the JWT authorizer of routes.json', () => {
  it('says at start which routes the authorizer guards and whose tokens it takes', () => {
    expect(server.output()).toContain(
      `  auth      JWT on 3 route(s) of routes.json, issuer ${DEV_ISSUER}`,
    );
  });

  it.each([
    ['no token', () => ({})],
    ['a malformed token', () => ({ authorization: 'Bearer not.a-token' })],
    ['an expired token', () => ({ authorization: `Bearer ${token(['users/write'], -60)}` })],
    [
      'a token of another issuer',
      () => {
        const other = generateDevIssuerKeys();
        const now = Math.floor(Date.now() / 1000);
        const claims = {
          iss: 'http://localhost/another-issuer',
          aud: DEV_AUDIENCE,
          sub: 'dev-1',
          scope: 'users/write',
          exp: now + 600,
        };
        return { authorization: `Bearer ${signToken(other, claims)}` };
      },
    ],
    [
      'a token naming the development issuer, signed with another key',
      () => {
        const now = Math.floor(Date.now() / 1000);
        const claims = { iss: DEV_ISSUER, aud: DEV_AUDIENCE, scope: 'users/write', exp: now + 600 };
        return { authorization: `Bearer ${signToken(generateDevIssuerKeys(), claims)}` };
      },
    ],
  ])('answers 401 Unauthorized to %s, before the function runs', async (_name, headers) => {
    // Prepare
    const { id } = await createUser();

    // Act
    const response = await patchName(id, headers());
    const after = await fetch(`${server.url}/users/${id}`);

    // Assess
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ message: 'Unauthorized' });
    expect((await after.json()).name).toBe('Ada Lovelace');
  });

  it('answers 403 Forbidden to a valid token without the route scope', async () => {
    // Prepare
    const { id } = await createUser();

    // Act
    const response = await fetch(`${server.url}/users/${id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token(['users/read'])}` },
    });
    const after = await fetch(`${server.url}/users/${id}`);

    // Assess
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ message: 'Forbidden' });
    expect(after.status).toBe(200);
  });

  it('lets the right token change a user (If-Match from its ETag) and then delete it', async () => {
    // Prepare
    const { id, etag } = await createUser();
    const authorization = `Bearer ${token(['users/write'])}`;

    // Act
    const patched = await patchName(id, { authorization, 'if-match': etag });
    const patchedBody = await patched.json();
    const deleted = await fetch(`${server.url}/users/${id}`, {
      method: 'DELETE',
      headers: { authorization },
    });
    const after = await fetch(`${server.url}/users/${id}`);

    // Assess
    expect(etag).not.toBe('');
    expect(patched.status).toBe(200);
    expect(patchedBody).toMatchObject({ id, name: 'Ada King' });
    expect(deleted.status).toBe(204);
    expect(after.status).toBe(404);
  });

  it('leaves public routes to the function, token or not', async () => {
    // Act
    const listed = await fetch(`${server.url}/users?limit=1`, {
      headers: { authorization: 'Bearer not.a-token' },
    });

    // Assess
    expect(listed.status).toBe(200);
  });
});
