import { Get, Post } from '../decorators/route';
import { HandlerOptionsError, RoutesModuleError } from '../errors/config-errors';
import { captureLogger, send } from '../test/support/handler-harness';
import { createHandler } from './create-handler';

class Api {
  @Get('/users') list() {
    return [];
  }
  @Post('/users') create() {
    return {};
  }
}

const preflight = (origin: string) => ({
  headers: {
    origin,
    'access-control-request-method': 'POST',
    'access-control-request-headers': 'content-type, x-id',
  },
});

describe('createHandler CORS', () => {
  it('C62: answers a preflight with 204 and the configured headers', async () => {
    const handler = createHandler(Api, {
      logger: captureLogger(),
      cors: { origins: ['https://app.example.com'], headers: ['content-type'], maxAge: 600 },
    });
    const answer = await send(handler, 'OPTIONS', '/users', preflight('https://app.example.com'));
    expect(answer.status).toBe(204);
    expect(answer.headers).toMatchObject({
      'access-control-allow-origin': 'https://app.example.com',
      'access-control-allow-methods': 'GET, HEAD, OPTIONS, POST',
      'access-control-allow-headers': 'content-type',
      'access-control-max-age': '600',
      vary: 'Origin',
    });
  });

  it('C62: sends no Access-Control-Allow-Origin to a disallowed origin', async () => {
    const handler = createHandler(Api, {
      logger: captureLogger(),
      cors: { origins: ['https://app.example.com'] },
    });
    const answer = await send(handler, 'OPTIONS', '/users', preflight('https://evil.example'));
    expect(answer.status).toBe(204);
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
    expect(
      (await send(handler, 'GET', '/users', { headers: { origin: 'https://evil.example' } }))
        .headers['access-control-allow-origin'],
    ).toBeUndefined();
  });

  it('C62: echoes the origin with credentials, never *', async () => {
    const handler = createHandler(Api, { logger: captureLogger(), cors: { credentials: true } });
    const answer = await send(handler, 'GET', '/users', {
      headers: { origin: 'https://a.example' },
    });
    expect(answer.headers).toMatchObject({
      'access-control-allow-origin': 'https://a.example',
      'access-control-allow-credentials': 'true',
      vary: 'Origin',
    });
  });

  it('allows every origin with cors: true and reflects requested headers', async () => {
    const handler = createHandler(Api, { logger: captureLogger(), cors: true });
    const answer = await send(handler, 'OPTIONS', '/users', preflight('https://b.example'));
    expect(answer.headers).toMatchObject({
      'access-control-allow-origin': '*',
      'access-control-allow-headers': 'content-type, x-id',
    });
    expect(
      (await send(handler, 'GET', '/users', { headers: { origin: 'https://b.example' } })).headers[
        'access-control-allow-origin'
      ],
    ).toBe('*');
  });

  it('accepts an origin predicate and exposes headers', async () => {
    const handler = createHandler(Api, {
      logger: captureLogger(),
      cors: { origins: (origin) => origin.endsWith('.example.com'), exposedHeaders: ['x-total'] },
    });
    const answer = await send(handler, 'GET', '/users', {
      headers: { origin: 'https://x.example.com' },
    });
    expect(answer.headers).toMatchObject({
      'access-control-allow-origin': 'https://x.example.com',
      'access-control-expose-headers': 'x-total',
    });
  });

  it('adds nothing to requests without an Origin', async () => {
    const handler = createHandler(Api, { logger: captureLogger(), cors: true });
    expect(
      (await send(handler, 'GET', '/users')).headers['access-control-allow-origin'],
    ).toBeUndefined();
  });
});

describe('createHandler options', () => {
  it.each([
    [{ maxBodyBytes: -1 }, 'maxBodyBytes must be a non-negative integer; got -1.'],
    [{ maxJsonDepth: 0 }, 'maxJsonDepth must be an integer from 1 to 1000; got 0.'],
    [{ maxJsonDepth: 5_000 }, 'maxJsonDepth must be an integer from 1 to 1000; got 5000.'],
    [{ maxJsonKeys: 0.5 }, 'maxJsonKeys must be an integer from 1 to 100000; got 0.5.'],
    [{ basePath: 'v1' }, 'basePath must start with "/"; got "v1".'],
    [{ cors: 'yes' }, 'cors must be true, false or an object; got "yes".'],
    [{ corss: true }, 'unknown option ["corss"]'],
    [{ middleware: 'helmet' }, 'middleware must be an array of functions; got "helmet".'],
    [
      { middleware: [() => undefined, 'helmet', null] },
      'middleware must be an array of functions; got [function, "helmet", null].',
    ],
    ['fast', 'expected an object; got "fast".'],
  ])('refuse %j at cold start', (options, message) => {
    expect(() => createHandler(Api, options as never)).toThrow(HandlerOptionsError);
    expect(() => createHandler(Api, options as never)).toThrow(`createHandler options: ${message}`);
  });
});

describe('createHandler routes', () => {
  it('takes a controller class or an array of them, typed as Controller', () => {
    expect(typeof createHandler(Api)).toBe('function');
    expect(typeof createHandler([Api] as const)).toBe('function');
  });

  it('refuses a value that is not a class, for the type checker and at run time', () => {
    const notAClass = { list: () => [] };
    class NeedsArguments {
      constructor(readonly name: string) {}
    }

    // @ts-expect-error an object is not a Controller (a class constructed without arguments)
    expect(() => createHandler(notAClass)).toThrow(
      new RoutesModuleError(
        'The routes must be a controller class or an array of them; item 0 is object.',
      ),
    );
    // @ts-expect-error neither is a class whose constructor needs arguments
    expect(() => createHandler([NeedsArguments])).toThrow(RoutesModuleError);
  });
});
