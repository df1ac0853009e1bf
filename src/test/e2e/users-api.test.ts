import { randomUUID } from 'node:crypto';
import { type ServerUnderTest, startServer, stillRunning } from './support/local-server';

let server: ServerUnderTest;

beforeAll(async () => {
  server = await startServer(['--openapi'], { SAMPLE_DYNAMODB: 'memory' });
});

afterAll(async () => {
  await server?.stop();
});

function createUser(email: string): Promise<Response> {
  return fetch(`${server.url}/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Ada Lovelace', email }),
  });
}

describe('npm start serving the sample API with DynamoDB Local', () => {
  it('prints the route table read from the controller', () => {
    expect(server.output()).toMatch(
      /routes {4}POST {3}\/users\n {12}GET {4}\/users\/export\n {12}GET {4}\/users\/\{id\}\n {12}PATCH {2}\/users\/\{id\}\n {12}DELETE \/users\/\{id\}\n {12}GET {4}\/users\n/,
    );
  });

  it('serves the OpenAPI document of the built layer and function with --openapi', async () => {
    const response = await fetch(`${server.url}/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, object> };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths).sort()).toEqual(['/users', '/users/export', '/users/{id}']);
  });

  it('creates a user with 201 and Location, then serves it by id and in the list', async () => {
    // Prepare
    const email = `ada-${randomUUID()}@example.com`;
    // Act
    const created = await createUser(email);
    const location = created.headers.get('location') ?? '';
    const user = await created.json();
    const fetched = await fetch(`${server.url}${location}`);
    const listed = await fetch(`${server.url}/users?limit=100`);
    // Assess
    expect(created.status).toBe(201);
    expect(location).toBe(`/users/${user.id}`);
    expect(user).toMatchObject({ name: 'Ada Lovelace', email });
    expect(fetched.status).toBe(200);
    expect(await fetched.json()).toEqual(user);
    expect(listed.status).toBe(200);
    expect((await listed.json()).items).toContainEqual(user);
  });

  it('answers 409 when the email is already taken, in any letter case', async () => {
    // Prepare
    const email = `grace-${randomUUID()}@example.com`;
    await createUser(email);
    // Act
    const again = await createUser(email.toUpperCase());
    // Assess
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toBe('application/problem+json');
    expect(await again.json()).toMatchObject({ status: 409, title: 'Conflict' });
  });

  it('answers 404 for an unknown user and for a path no route has', async () => {
    // Act
    const unknownUser = await fetch(`${server.url}/users/${randomUUID()}`);
    const unknownPath = await fetch(`${server.url}/nowhere`);
    // Assess
    expect(unknownUser.status).toBe(404);
    expect(unknownPath.status).toBe(404);
    expect(await unknownPath.json()).toMatchObject({ title: 'Not Found', status: 404 });
  });

  it('answers 405 with Allow for a known path and another method', async () => {
    // Act
    const response = await fetch(`${server.url}/users`, { method: 'DELETE' });
    // Assess
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD, OPTIONS, POST');
  });

  it('answers 400 naming the invalid fields of a body', async () => {
    // Act
    const response = await fetch(`${server.url}/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: '', email: 'not-an-email' }),
    });
    // Assess
    expect(response.status).toBe(400);
    expect(Object.keys((await response.json()).errors).sort()).toEqual(['email', 'name']);
  });

  it('logs one line per request: time, method, path, status, duration and request id', async () => {
    // Act
    const response = await fetch(`${server.url}/users?limit=1`);
    const line = await server.waitForLine(/ GET \/users\?limit=1 200 /);
    // Assess
    expect(response.status).toBe(200);
    expect(line).toMatch(
      /^\d\d:\d\d:\d\d GET \/users\?limit=1 200 [\d.]+ m?s [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
  });

  it('stops on SIGTERM with its workers and DynamoDB Local, leaving no process behind', async () => {
    // Prepare
    const started = server.descendants();
    // Act
    const code = await server.stop();
    // Assess
    expect(started.length).toBeGreaterThanOrEqual(2);
    expect(code).toBe(0);
    expect(stillRunning([server.pid, ...started])).toEqual([]);
  });
});
