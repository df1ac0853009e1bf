import { HttpCode } from '../decorators/http-code';
import { Body, Headers, Param, Query, Req } from '../decorators/params';
import { Get, Head, Options, Post, Put } from '../decorators/route';
import type { LambdaHttpRequest } from '../events/types';
import { HttpResponse } from '../http/response';
import { captureLogger, send } from '../test/support/handler-harness';
import { httpApiEvent } from '../test/support/http-api-event';
import { lambdaContext } from '../test/support/lambda-context';
import { createHandler } from './create-handler';

class Files {
  @Get('/files/{path+}') read(@Param('path') path: string) {
    return { path };
  }
}

class Users {
  @Get('/users') list(
    @Query('limit') limit: number,
    @Query('tags') tags: string[],
    @Query() all: Record<string, unknown>,
  ) {
    return { limit, tags, all };
  }
  @Get('/users/me') me() {
    return { me: true };
  }
  @Get('/users/{id}') get(@Param('id') id: string) {
    return { id };
  }
  @Put('/users/{id}') replace(@Param('id') id: number, @Body() body: string) {
    return { id, body };
  }
  @Get('/flags/{on}') flag(@Param('on') on: boolean) {
    return { on };
  }
  @Get('/echo') echo(
    @Headers('X-Trace') trace: string,
    @Headers() all: Record<string, string>,
    @Req() req: LambdaHttpRequest,
  ) {
    return {
      trace,
      userAgent: all['user-agent'],
      method: req.method,
      path: req.path,
      cookies: req.cookies,
      sourceIp: req.sourceIp,
    };
  }
  @Get('/nothing') nothing() {}
  @Post('/accepted') @HttpCode(202) accept() {}
  @Get('/text') text() {
    return 'hello';
  }
  @Get('/null') nullValue() {
    return null;
  }
  @Get('/async') async later() {
    await new Promise((resolve) => setImmediate(resolve));
    return { later: true };
  }
  @Get('/thenable') thenable() {
    // biome-ignore lint/suspicious/noThenProperty: the test needs a thenable that is not a Promise
    return { then: (resolve: (value: unknown) => void) => resolve({ from: 'thenable' }) };
  }
  @Get('/custom') custom() {
    return new HttpResponse({
      status: 418,
      headers: { 'x-tea': 'earl grey' },
      cookies: ['a=1', 'b=2; Path=/'],
      body: 'short and stout',
    });
  }
  @Get('/binary') binary() {
    return new HttpResponse({
      headers: { 'content-type': 'image/png' },
      body: Buffer.from([0x89, 0x50, 0x4e, 0x47]),
    });
  }
  @Get('/head-test') headTest() {
    return new HttpResponse({ headers: { etag: '"v1"' }, body: { big: 'body' } });
  }
  @Get('/explicit-head') explicitGet() {
    return { from: 'get' };
  }
  @Head('/explicit-head') explicitHead() {
    return new HttpResponse({ status: 200, headers: { 'x-from': 'head' } });
  }
  @Get('/opts') optsGet() {}
  @Options('/opts') opts() {
    return new HttpResponse({ status: 200, headers: { 'x-custom-options': 'yes' } });
  }
}

const handler = createHandler([Users, Files], { accessLog: false, logger: captureLogger() });

describe('createHandler routing', () => {
  it('C56: routes /users/me to the static route and /users/42 to the parameter route', async () => {
    expect((await send(handler, 'GET', '/users/me')).json).toEqual({ me: true });
    expect((await send(handler, 'GET', '/users/42')).json).toEqual({ id: '42' });
  });

  it('C9: takes an HTTP API rawPath as already decoded, so a "%2F" in it is literal text', async () => {
    // HTTP APIs decode the path before invoking; a client that sent %252F produced this rawPath.
    expect((await send(handler, 'GET', '/users/a%2Fb')).json).toEqual({ id: 'a%2Fb' });
    expect((await send(handler, 'GET', '/users/caf\u00e9 au lait')).json).toEqual({
      id: 'caf\u00e9 au lait',
    });
  });

  it('C57: binds a greedy parameter to the rest of the path', async () => {
    expect((await send(handler, 'GET', '/files/a/b/c.txt')).json).toEqual({ path: 'a/b/c.txt' });
    expect((await send(handler, 'GET', '/files')).status).toBe(404);
  });

  it('C58: serves /users/ like /users', async () => {
    expect((await send(handler, 'GET', '/users/?limit=1')).json).toMatchObject({ limit: 1 });
  });

  it('C60: answers 404 problem for an unknown path', async () => {
    const answer = await send(handler, 'GET', '/nope');
    expect(answer.status).toBe(404);
    expect(answer.headers['content-type']).toBe('application/problem+json');
    expect(answer.json).toEqual({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: 'No route matches GET /nope.',
      requestId: 'req-1',
    });
  });

  it('C60: answers 405 problem with Allow for a known path and another method', async () => {
    const answer = await send(handler, 'DELETE', '/users/7');
    expect(answer.status).toBe(405);
    expect(answer.headers['allow']).toBe('GET, HEAD, OPTIONS, PUT');
    expect(answer.json).toMatchObject({ title: 'Method Not Allowed', status: 405 });
  });

  it('C7: upper-cases the method and answers 405 for an unknown verb', async () => {
    expect((await send(handler, 'get', '/users/me')).json).toEqual({ me: true });
    const answer = await send(handler, 'PROPFIND', '/users/7');
    expect(answer.status).toBe(405);
    expect(answer.headers['allow']).toBe('GET, HEAD, OPTIONS, PUT');
  });

  it('C61: serves HEAD from GET with the same status and headers and no body', async () => {
    const head = await send(handler, 'HEAD', '/head-test');
    expect(head).toMatchObject({ status: 200, body: '' });
    expect(head.headers).toMatchObject({ etag: '"v1"', 'content-type': 'application/json' });
  });

  it('C61: lets an explicit @Head route win', async () => {
    expect((await send(handler, 'HEAD', '/explicit-head')).headers['x-from']).toBe('head');
  });

  it('C63: answers OPTIONS without CORS with 204 and Allow', async () => {
    const answer = await send(handler, 'OPTIONS', '/users/7');
    expect(answer).toMatchObject({ status: 204, body: '' });
    expect(answer.headers['allow']).toBe('GET, HEAD, OPTIONS, PUT');
  });

  it('lets an explicit @Options route win', async () => {
    expect((await send(handler, 'OPTIONS', '/opts')).headers['x-custom-options']).toBe('yes');
  });
});

describe('createHandler binding', () => {
  it('C65: coerces a number path parameter and answers 400 naming it', async () => {
    expect((await send(handler, 'PUT', '/users/42', { body: 'x' })).json).toEqual({
      id: 42,
      body: 'x',
    });
    const answer = await send(handler, 'PUT', '/users/abc', { body: 'x' });
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({
      detail: 'Path parameter "id" must be a number; got "abc".',
      errors: { 'path.id': ['must be a number'] },
    });
  });

  it('C66: coerces booleans', async () => {
    expect((await send(handler, 'GET', '/flags/TRUE')).json).toEqual({ on: true });
    expect((await send(handler, 'GET', '/flags/0')).json).toEqual({ on: false });
    expect((await send(handler, 'GET', '/flags/yes')).status).toBe(400);
  });

  it('C67/C68: gives arrays for declared arrays and repeated keys, and all parameters with @Query()', async () => {
    const answer = await send(handler, 'GET', '/users?limit=5&tags=a&x=1&x=2');
    expect(answer.json).toEqual({
      limit: 5,
      tags: ['a'],
      all: { limit: '5', tags: 'a', x: ['1', '2'] },
    });
  });

  it('C67: answers 400 for a repeated scalar query parameter', async () => {
    expect((await send(handler, 'GET', '/users?limit=1&limit=2')).status).toBe(400);
  });

  it('C69/C72: reads headers case-insensitively and gives the normalized request', async () => {
    const answer = await send(handler, 'GET', '/echo', {
      headers: { 'X-Trace': 't-1', 'User-Agent': 'ua', cookie: 'a=1; b=2' },
    });
    expect(answer.json).toEqual({
      trace: 't-1',
      userAgent: 'ua',
      method: 'GET',
      path: '/echo',
      cookies: { a: '1', b: '2' },
      sourceIp: '192.0.2.1',
    });
  });
});

describe('createHandler return values', () => {
  it('C91: answers 204 with no body when the method returns undefined', async () => {
    expect(await send(handler, 'GET', '/nothing')).toMatchObject({ status: 204, body: '' });
  });

  it('uses @HttpCode for a method that returns undefined', async () => {
    expect(await send(handler, 'POST', '/accepted')).toMatchObject({ status: 202, body: '' });
  });

  it('sends a string or null as JSON', async () => {
    expect(await send(handler, 'GET', '/text')).toMatchObject({
      status: 200,
      body: '"hello"',
      json: 'hello',
    });
    expect(await send(handler, 'GET', '/null')).toMatchObject({ status: 200, body: 'null' });
  });

  it('awaits async methods, and thenables from other promise libraries', async () => {
    expect((await send(handler, 'GET', '/async')).json).toEqual({ later: true });
    expect((await send(handler, 'GET', '/thenable')).json).toEqual({ from: 'thenable' });
  });

  it('C46: sends an HttpResponse as given, every cookie included', async () => {
    const answer = await send(handler, 'GET', '/custom');
    expect(answer).toMatchObject({
      status: 418,
      body: 'short and stout',
      cookies: ['a=1', 'b=2; Path=/'],
    });
    expect(answer.headers['x-tea']).toBe('earl grey');
    expect(answer.headers['set-cookie']).toBeUndefined();
  });

  it('C47: sends a Buffer base64-encoded', async () => {
    expect(await send(handler, 'GET', '/binary')).toMatchObject({
      body: 'iVBORw==',
      isBase64Encoded: true,
    });
  });

  it('C50: always answers with the full payload 2.0 envelope', async () => {
    const result = await handler(httpApiEvent('GET', '/users/me'), lambdaContext());
    expect(result).toEqual(
      expect.objectContaining({ statusCode: 200, isBase64Encoded: false, body: '{"me":true}' }),
    );
  });
});
