import { once } from 'node:events';
import type { Server } from 'node:http';
import { RouteKeys } from '../../local/route-keys';
import { createLocalServer, MAX_EVENT_BYTES, MAX_REQUEST_BYTES } from '../../local/server';
import type { InvokeOutcome } from '../../local/worker-pool';

// The HTTP front alone, over loopback, with a stand-in for the function: the gateway's own
// answers (limits, stage, unusable headers) without the cost of workers.
let server: Server;
let base: string;
const events: unknown[] = [];
const lines: string[] = [];
let nextOutcome: InvokeOutcome = { kind: 'result', payload: { statusCode: 204 } };

beforeAll(async () => {
  server = createLocalServer({
    api: { stage: 'v1', apiId: 'local', region: 'us-east-1' },
    invoke: async (event) => {
      events.push(event);
      return nextOutcome;
    },
    routes: () =>
      new RouteKeys([
        {
          method: 'GET',
          path: '/items/{id}',
          segments: [
            { kind: 'static', value: 'items' },
            { kind: 'param', name: 'id' },
          ],
        },
      ]),
    openapi: undefined,
    log: (line) => lines.push(line),
    colour: false,
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('The server has no port');
  base = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  server.close();
  await once(server, 'close');
});

beforeEach(() => {
  events.length = 0;
  lines.length = 0;
  nextOutcome = { kind: 'result', payload: { statusCode: 204 } };
});

describe('the local server in front of a function', () => {
  it('answers 404 itself, without invoking, for a path outside the stage', async () => {
    // Act
    const response = await fetch(`${base}/items/1`);
    // Assess
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ message: 'Not Found' });
    expect(events).toEqual([]);
    expect(lines[0]).toContain('(the path does not start with the stage /v1)');
  });

  it('names the matched route and sends API Gateway request id back in apigw-requestid', async () => {
    // Act
    const response = await fetch(`${base}/v1/items/a%2Fb`);
    // Assess
    expect(events[0]).toMatchObject({
      routeKey: '$default',
      rawPath: '/v1/items/a/b',
      requestContext: { requestId: response.headers.get('apigw-requestid') },
    });
    const matched = await fetch(`${base}/v1/items/7`);
    expect(matched.status).toBe(204);
    expect(events[1]).toMatchObject({ routeKey: 'GET /items/{id}', pathParameters: { id: '7' } });
  });

  it('answers 413 itself for a body over the HTTP API limit of 10 MB', async () => {
    // Act
    const response = await fetch(`${base}/v1/upload`, {
      method: 'POST',
      body: new Uint8Array(MAX_REQUEST_BYTES + 1),
    });
    // Assess
    expect(response.status).toBe(413);
    expect(events).toEqual([]);
  });

  it('answers 500 without invoking when the event exceeds Lambda 6 MB payload limit', async () => {
    // Act
    const response = await fetch(`${base}/v1/upload`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: new Uint8Array(Math.ceil(MAX_EVENT_BYTES * 0.8)),
    });
    // Assess
    expect(response.status).toBe(500);
    expect(events).toEqual([]);
    expect(lines[0]).toMatch(/\(the event has \d+ bytes; Lambda accepts at most 6291456\)/);
  });

  it('answers 502 when Node refuses a header value the function sent', async () => {
    // Prepare
    nextOutcome = {
      kind: 'result',
      payload: { statusCode: 200, headers: { 'x-bad': 'a\u0001b' } },
    };
    // Act
    const response = await fetch(`${base}/v1/items/1`);
    // Assess
    expect(response.status).toBe(502);
    expect(lines[0]).toMatch(/ 502 .*\(malformed result: .*x-bad/);
  });

  it('sends no body for HEAD but the length a GET would have', async () => {
    // Prepare
    nextOutcome = { kind: 'result', payload: { statusCode: 200, body: 'hello' } };
    // Act
    const response = await fetch(`${base}/v1/items/1`, { method: 'HEAD' });
    // Assess
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe('5');
    expect(await response.text()).toBe('');
  });
});

describe('the server with --openapi', () => {
  let documented: Server;
  let documentedBase: string;
  let openapi: { document: unknown } | { error: string } = { document: { openapi: '3.1.0' } };

  beforeAll(async () => {
    documented = createLocalServer({
      api: { stage: '$default', apiId: 'local', region: 'us-east-1' },
      invoke: async (event) => {
        events.push(event);
        return nextOutcome;
      },
      routes: () => new RouteKeys([]),
      openapi: () => openapi,
      log: (line) => lines.push(line),
      colour: false,
    });
    documented.listen(0, '127.0.0.1');
    await once(documented, 'listening');
    const address = documented.address();
    if (typeof address !== 'object' || address === null) throw new Error('The server has no port');
    documentedBase = `http://127.0.0.1:${address.port}`;
  });

  afterAll(async () => {
    documented.closeAllConnections();
    documented.close();
    await once(documented, 'close');
  });

  it('answers GET /openapi.json with the document, without invoking the function', async () => {
    openapi = { document: { openapi: '3.1.0', paths: {} } };
    const response = await fetch(`${documentedBase}/openapi.json`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ openapi: '3.1.0', paths: {} });
    expect(events).toEqual([]);
  });

  it('answers 500 saying why when the document could not be built', async () => {
    openapi = { error: 'routes collide' };
    const response = await fetch(`${documentedBase}/openapi.json`);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      message: 'The OpenAPI document could not be built: routes collide',
    });
  });

  it('leaves other methods on /openapi.json to the function', async () => {
    await fetch(`${documentedBase}/openapi.json`, { method: 'POST', body: '{}' });
    expect(events).toHaveLength(1);
  });
});
