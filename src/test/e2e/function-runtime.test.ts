import {
  functionFolder,
  type ServerUnderTest,
  startServer,
  stillRunning,
} from './support/local-server';
import { BINARY_BYTES, RUNTIME_ROUTES } from './support/test-functions';

let server: ServerUnderTest;
let api: string;

beforeAll(async () => {
  const functionDir = functionFolder({ 'routes.js': RUNTIME_ROUTES });
  server = await startServer([
    '--function',
    functionDir,
    '--stage',
    'dev',
    '--timeout',
    '1',
    '--memory',
    '256',
    '--concurrency',
    '2',
    '--services',
    'none',
  ]);
  api = server.url;
});

afterAll(async () => {
  await server?.stop();
});

async function pidOfWorker(): Promise<number> {
  return (await (await fetch(`${api}/pid`)).json()).pid;
}

describe('npm start serving a function folder (--function) on a named stage', () => {
  it('serves the stage under /dev and answers other paths itself with 404', async () => {
    // Act
    const inStage = await fetch(`${api}/ping`);
    const outside = await fetch(api.replace(/\/dev$/, '/ping'));
    // Assess
    expect(api).toMatch(/\/dev$/);
    expect(await inStage.json()).toBe('pong');
    expect(outside.status).toBe(404);
    expect(await outside.json()).toEqual({ message: 'Not Found' });
  });

  it('sends the event a declared route gets: route key, path parameters, stage and context', async () => {
    // Act
    const response = await fetch(`${api}/event/a%20b?x=1&x=2`);
    // Assess
    expect(await response.json()).toEqual({
      id: 'a b',
      routeKey: 'GET /event/{id}',
      pathParameters: { id: 'a b' },
      rawPath: '/dev/event/a b',
      rawQueryString: 'x=1&x=2',
      stage: 'dev',
      functionName: expect.stringMatching(/^lc-function-/),
      memoryLimitInMB: '256',
      remainingMs: expect.any(Number),
    });
  });

  it('sends each cookie as its own Set-Cookie and passes request cookies to the function', async () => {
    // Act
    const response = await fetch(`${api}/cookies`, { headers: { cookie: 'a=1; b=2' } });
    // Assess
    expect(response.headers.getSetCookie()).toEqual([
      'session=abc; HttpOnly; Path=/',
      'theme=dark; Path=/',
    ]);
    expect(await response.json()).toEqual({ received: { a: '1', b: '2' } });
  });

  it('returns a binary body byte for byte', async () => {
    // Act
    const response = await fetch(`${api}/binary`);
    // Assess
    expect(response.headers.get('content-type')).toBe('image/png');
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual(BINARY_BYTES);
  });

  it('passes a binary upload to the function byte for byte', async () => {
    // Act
    const response = await fetch(`${api}/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: Uint8Array.from(BINARY_BYTES),
    });
    // Assess
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual(BINARY_BYTES);
  });

  it('answers an error thrown in a controller with a 500 problem naming the request id', async () => {
    // Act
    const response = await fetch(`${api}/boom`);
    const problem = await response.json();
    const line = await server.waitForLine(new RegExp(` ${problem.requestId}$`));
    // Assess
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(problem).toMatchObject({ status: 500, title: 'Internal Server Error' });
    expect(JSON.stringify(problem)).not.toContain('kaboom');
    expect(line).toMatch(/ GET \/dev\/boom 500 /);
  });

  it('answers 504 when the handler outlives --timeout 1, and serves the next request', async () => {
    // Act
    const late = await fetch(`${api}/sleep`);
    const next = await fetch(`${api}/ping`);
    // Assess
    expect(late.status).toBe(504);
    expect(
      await server.waitForLine(/GET \/dev\/sleep 504 .*Task timed out after 1\.00 seconds/),
    ).toBeTruthy();
    expect(next.status).toBe(200);
  });

  it('answers 502 when the worker crashes, then serves from a fresh worker', async () => {
    // Prepare
    const before = await pidOfWorker();
    // Act
    const crashed = await fetch(`${api}/crash`);
    const after = await pidOfWorker();
    // Assess
    expect(crashed.status).toBe(502);
    expect(await crashed.json()).toEqual({ message: 'Internal Server Error' });
    expect(await server.waitForLine(/GET \/dev\/crash 502 .*worker crashed/)).toBeTruthy();
    expect(after).not.toBe(before);
  });

  it('stops on SIGTERM with every worker, leaving no process behind', async () => {
    // Prepare
    const started = server.descendants();
    // Act
    const code = await server.stop();
    // Assess
    expect(code).toBe(0);
    expect(stillRunning([server.pid, ...started])).toEqual([]);
  });
});
