import { IsString } from 'class-validator';
import {
  Body,
  Get,
  Headers,
  HttpResponse,
  type LambdaHttpRequest,
  Post,
  Principal,
  Query,
  Req,
} from '../index';
import { testClient } from './test-client';
import type { TestSource } from './test-request';

class NameDto {
  @IsString() name!: string;
}

class Echo {
  @Get('/echo/{name}') echo(@Req() request: LambdaHttpRequest) {
    return {
      method: request.method,
      path: request.path,
      query: { ...request.query },
      cookies: { ...request.cookies },
      tenant: request.headers['x-tenant'] ?? null,
    };
  }

  @Post('/echo') body(@Body() body: NameDto, @Headers('content-type') type?: string) {
    return { body, type };
  }

  @Post('/text') text(@Body() body: string, @Headers('content-type') type?: string) {
    return { body, type };
  }

  @Post('/bytes') bytes(@Body() body: Buffer) {
    return new HttpResponse({
      headers: { 'content-type': 'application/octet-stream' },
      body: Buffer.from([...body].reverse()),
    });
  }

  @Get('/session') session() {
    return new HttpResponse({
      status: 201,
      headers: { 'x-one': 'a' },
      cookies: ['a=1; Path=/', 'b=2; Path=/'],
      body: { ok: true },
    });
  }

  @Get('/me') me(@Principal() principal?: unknown, @Query('x') _x?: string) {
    return principal ?? null;
  }
}

const SOURCES: TestSource[] = [
  'http-api',
  'http-api-v1',
  'rest',
  'alb',
  'alb-multi',
  'function-url',
];

describe('testClient', () => {
  const client = testClient(Echo);

  it.each(SOURCES)('sends path, query, cookies and headers through %s', async (source) => {
    // Act
    const response = await client.get('/echo/caf%C3%A9?tag=a', {
      source,
      query: { tag: 'b c', limit: 5 },
      cookies: { session: 'abc' },
      headers: { 'X-Tenant': 'acme' },
    });

    // Assess
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const json = response.json<{ query: Record<string, unknown> }>();
    expect(json).toMatchObject({
      method: 'GET',
      path: '/echo/caf%C3%A9',
      cookies: { session: 'abc' },
      tenant: 'acme',
    });
    // A single-value load balancer keeps only the last value of a repeated key.
    expect(json.query).toEqual(
      source === 'alb' ? { tag: 'b c', limit: '5' } : { tag: ['a', 'b c'], limit: '5' },
    );
  });

  it.each(SOURCES)('sends a JSON body with its content type through %s', async (source) => {
    const response = await client.post('/echo', { name: 'Ada' }, { source });

    expect(response.json()).toEqual({ body: { name: 'Ada' }, type: 'application/json' });
  });

  it.each(SOURCES)('sends bytes base64-encoded and reads bytes back through %s', async (source) => {
    const response = await client.post('/bytes', Buffer.from([1, 2, 255]), { source });

    expect(response.status).toBe(200);
    expect([...response.bytes]).toEqual([255, 2, 1]);
  });

  it.each(SOURCES.filter((source) => source !== 'alb'))(
    'reads status, headers and every Set-Cookie from %s',
    async (source) => {
      const response = await client.get('/session', { source });

      expect(response.status).toBe(201);
      expect(response.headers['x-one']).toBe('a');
      expect(response.headers['set-cookie']).toBeUndefined();
      expect(response.cookies).toEqual(['a=1; Path=/', 'b=2; Path=/']);
    },
  );

  it('sends text as text/plain, keeping a content type given', async () => {
    const plain = await client.post('/text', 'hello');
    const given = await client.put('/echo', 'a=1', {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });

    expect(plain.json()).toEqual({ body: 'hello', type: 'text/plain; charset=utf-8' });
    expect(given.status).toBe(405);
    expect(given.headers['allow']).toBe('OPTIONS, POST');
    expect(
      (await client.post('/text', 'a=1', { headers: { 'content-type': 'text/csv' } })).json(),
    ).toEqual({ body: 'a=1', type: 'text/csv' });
  });

  it('answers 404 and 405 as the handler does, with patch and delete too', async () => {
    expect((await client.delete('/nowhere')).status).toBe(404);
    expect((await client.patch('/echo', {})).status).toBe(405);
    expect((await client.request('GET', '/echo/x')).status).toBe(200);
  });

  it('refuses a path without a leading slash and a body that has no JSON', async () => {
    await expect(client.get('echo')).rejects.toThrow(
      'A test request path starts with "/"; got "echo".',
    );
    await expect(client.post('/echo', () => 1)).rejects.toThrow(TypeError);
  });

  it('refuses an unknown source', async () => {
    await expect(client.get('/echo/x', { source: 'sqs' as TestSource })).rejects.toThrow(
      'Unknown test source "sqs"',
    );
  });

  it('uses the source and principal given to the client for every request', async () => {
    const rest = testClient(Echo, { source: 'rest', principal: { subject: 'u-1' } });

    const response = await rest.get('/me');

    expect(response.json()).toMatchObject({ source: 'cognito', subject: 'u-1' });
  });

  it('fails at creation with createHandler cold-start errors', () => {
    class Empty {}

    expect(() => testClient(Empty)).toThrow('Controller Empty has no routes');
  });

  it('reports a handler answer that is not an HTTP result', async () => {
    const broken = testClient(Echo);
    const { readResult } = await import('./test-response');

    expect(broken.handler).toBeInstanceOf(Function);
    expect(() => readResult(undefined, 'r-1')).toThrow('not an HTTP result');
  });
});

describe('testClient principals', () => {
  const client = testClient(Echo);
  const principal = {
    subject: 'user-1',
    groups: ['admin', 'editors'],
    scopes: ['users/read', 'users/write'],
    claims: { email: 'ada@example.com', email_verified: true, amr: ['pwd', 'mfa'] },
  };

  it.each([
    ['http-api', 'jwt'],
    ['http-api-v1', 'jwt'],
    ['rest', 'cognito'],
  ] as const)('writes a %s token where its %s authorizer does', async (source, kind) => {
    const response = await client.get('/me', { source, principal });

    expect(response.json()).toEqual({
      source: kind,
      subject: 'user-1',
      claims: expect.objectContaining({ sub: 'user-1', email: 'ada@example.com' }),
      scopes: ['users/read', 'users/write'],
      groups: ['admin', 'editors'],
      context: {},
    });
  });

  it('writes HTTP API JWT claims as strings, lists bracketed', async () => {
    const response = await client.get('/me', { principal });

    expect(response.json()).toMatchObject({
      claims: { email_verified: 'true', amr: '[pwd mfa]', 'cognito:groups': '[admin editors]' },
    });
  });

  it.each([
    ['http-api', { authorizer: 'iam' }, { source: 'iam', subject: expect.stringMatching(/^arn:/) }],
    [
      'function-url',
      { subject: 'arn:aws:iam::1:user/x' },
      { source: 'iam', subject: 'arn:aws:iam::1:user/x' },
    ],
    [
      'http-api',
      { authorizer: 'lambda', context: { tenant: 't1' } },
      { source: 'lambda-authorizer', context: { tenant: 't1' } },
    ],
    [
      'rest',
      { authorizer: 'lambda', subject: 'p-1', context: { tenant: 't1' } },
      { source: 'lambda-authorizer', subject: 'p-1', context: { tenant: 't1' } },
    ],
  ] as const)('writes a %s principal %j where AWS does', async (source, given, expected) => {
    const response = await client.get('/me', { source, principal: given });

    expect(response.json()).toMatchObject(expected);
  });

  it('writes a REST Cognito principal without subject, lists joined by commas', async () => {
    const response = await client.get('/me', {
      source: 'rest',
      principal: { claims: { amr: ['pwd', 'mfa'], level: 2 } },
    });

    expect(response.json()).toMatchObject({
      source: 'cognito',
      claims: { amr: 'pwd,mfa', level: '2' },
      scopes: [],
      groups: [],
    });
    expect(response.json()).not.toHaveProperty('subject');
  });

  it('writes a JWT principal without scopes as API Gateway does, scopes null', async () => {
    const response = await client.get('/me', { principal: { claims: { email: 'a@b.co' } } });

    expect(response.json()).toMatchObject({
      source: 'jwt',
      claims: { email: 'a@b.co' },
      scopes: [],
    });
  });

  it('writes a Lambda authorizer that returned no context, and defaults a REST principalId', async () => {
    const http = await client.get('/me', { principal: { authorizer: 'lambda' } });
    const rest = await client.get('/me', { source: 'rest', principal: { authorizer: 'lambda' } });

    expect(http.json()).toMatchObject({ source: 'lambda-authorizer', context: {} });
    expect(rest.json()).toMatchObject({ source: 'lambda-authorizer', subject: 'test-user' });
  });

  it('answers no principal without one', async () => {
    expect((await client.get('/me')).json()).toBeNull();
  });

  it.each([
    [
      'alb',
      {},
      'A alb event cannot carry a principal authorizer context (the test client supports: none).',
    ],
    [
      'function-url',
      { authorizer: 'jwt' },
      'A function-url event cannot carry a jwt authorizer context (the test client supports: iam).',
    ],
  ] as const)('refuses a principal that %s cannot carry', async (source, given, message) => {
    await expect(client.get('/me', { source, principal: given })).rejects.toThrow(message);
  });
});
