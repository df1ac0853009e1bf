import { Param, Req, State } from '../decorators/params';
import { Get, Post } from '../decorators/route';
import { Use } from '../decorators/use';
import { ForbiddenError, TooManyRequestsError } from '../errors/http-error';
import type { LambdaHttpRequest } from '../http/request';
import { HttpResponse } from '../http/response';
import type { Middleware } from '../middleware/middleware';
import { createStateKey } from '../middleware/state';
import { captureLogger, send } from '../test/support/handler-harness';
import { createHandler } from './create-handler';

/** A middleware that appends `name` to the `x-trace` header on the way in and out. */
function tracing(name: string, trace: string[]): Middleware {
  return async (_ctx, next) => {
    trace.push(`${name} in`);
    const response = await next();
    trace.push(`${name} out`);
    return response;
  };
}

const cors = { origins: ['https://app.example.com'] };
const fromApp = { headers: { origin: 'https://app.example.com' } };

describe('createHandler middleware', () => {
  it('C106: runs global, then class, then method middleware, each in the order written', async () => {
    const trace: string[] = [];
    @Use(tracing('class 1', trace), tracing('class 2', trace))
    @Use(tracing('class 3', trace))
    class Api {
      @Get('/items')
      @Use(tracing('method 1', trace))
      @Use(tracing('method 2', trace), tracing('method 3', trace))
      list() {
        trace.push('method');
        return [];
      }
    }
    const handler = createHandler(Api, {
      logger: captureLogger(),
      middleware: [tracing('global 1', trace), tracing('global 2', trace)],
    });

    const answer = await send(handler, 'GET', '/items');

    expect(answer.status).toBe(200);
    const inward = ['global 1', 'global 2', 'class 1', 'class 2', 'class 3'];
    const all = [...inward, 'method 1', 'method 2', 'method 3'];
    expect(trace).toEqual([
      ...all.map((name) => `${name} in`),
      'method',
      ...all.reverse().map((name) => `${name} out`),
    ]);
  });

  it('C106: runs a base class middleware outside its subclass middleware', async () => {
    const trace: string[] = [];
    @Use(tracing('base', trace))
    class Base {
      @Get('/base') inherited() {
        return 'base';
      }
    }
    @Use(tracing('derived', trace))
    class Derived extends Base {}
    const handler = createHandler(Derived, { logger: captureLogger() });

    await send(handler, 'GET', '/base');

    expect(trace).toEqual(['base in', 'derived in', 'derived out', 'base out']);
  });

  it('C107: hands what the method throws to an outer middleware as the thrown value', async () => {
    const failure = new ForbiddenError('No access to this item.');
    const seen: unknown[] = [];
    const catcher: Middleware = async (_ctx, next) => {
      try {
        return await next();
      } catch (error) {
        seen.push(error);
        return new HttpResponse({ status: 200, body: { recovered: true } });
      }
    };
    class Api {
      @Get('/items/{id}') @Use(catcher) get() {
        throw failure;
      }
    }
    const handler = createHandler(Api, { logger: captureLogger() });

    const answer = await send(handler, 'GET', '/items/1');

    expect(seen).toEqual([failure]);
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ recovered: true });
  });

  it('C107: hands what an inner middleware throws to an outer one', async () => {
    const failure = new Error('inner middleware failed');
    const seen: unknown[] = [];
    const outer: Middleware = async (_ctx, next) => {
      try {
        return await next();
      } catch (error) {
        seen.push(error);
        throw error;
      }
    };
    const inner: Middleware = () => Promise.reject(failure);
    class Api {
      @Get('/items') list() {
        return [];
      }
    }
    const logger = captureLogger();
    const handler = createHandler(Api, { logger, middleware: [outer, inner] });

    const answer = await send(handler, 'GET', '/items');

    expect(seen).toEqual([failure]);
    expect(answer.status).toBe(500);
    expect(answer.headers['content-type']).toBe('application/problem+json');
    expect(logger.records.some(({ record }) => record['message'] === 'request failed')).toBe(true);
  });

  it('answers a middleware that throws an HttpError with its problem, like a method', async () => {
    const refuse: Middleware = () => {
      throw new TooManyRequestsError('Slow down.', { headers: { 'retry-after': '1' } });
    };
    class Api {
      @Get('/items') list() {
        return [];
      }
    }
    const handler = createHandler(Api, { logger: captureLogger(), middleware: [refuse] });

    const answer = await send(handler, 'GET', '/items');

    expect(answer.status).toBe(429);
    expect(answer.headers['retry-after']).toBe('1');
    expect(answer.json).toMatchObject({ status: 429, detail: 'Slow down.' });
  });

  it('C108: sends what a middleware answers without calling next, and skips the method', async () => {
    const called: string[] = [];
    const maintenance: Middleware = async () =>
      new HttpResponse({ status: 503, body: { message: 'back soon' } });
    class Api {
      @Get('/items') @Use(maintenance) list() {
        called.push('method');
        return [];
      }
    }
    const handler = createHandler(Api, { logger: captureLogger() });

    const answer = await send(handler, 'GET', '/items');

    expect(answer.status).toBe(503);
    expect(answer.json).toEqual({ message: 'back soon' });
    expect(called).toEqual([]);
  });

  it('C108: adds the CORS headers to an answer a middleware produced', async () => {
    const refuse: Middleware = async () => new HttpResponse({ status: 401, body: { no: true } });
    class Api {
      @Get('/items') list() {
        return [];
      }
    }
    const handler = createHandler(Api, { logger: captureLogger(), cors, middleware: [refuse] });

    const answer = await send(handler, 'GET', '/items', fromApp);

    expect(answer.status).toBe(401);
    expect(answer.headers['access-control-allow-origin']).toBe('https://app.example.com');
  });

  it('C108: adds the CORS headers to the problem of a middleware that threw', async () => {
    const refuse: Middleware = () => Promise.reject(new ForbiddenError('Not you.'));
    class Api {
      @Get('/items') list() {
        return [];
      }
    }
    const handler = createHandler(Api, { logger: captureLogger(), cors, middleware: [refuse] });

    const answer = await send(handler, 'GET', '/items', fromApp);

    expect(answer.status).toBe(403);
    expect(answer.headers['access-control-allow-origin']).toBe('https://app.example.com');
  });

  it.each([
    ['404', 'GET', '/nowhere', 404],
    ['405', 'DELETE', '/items', 405],
    ['OPTIONS', 'OPTIONS', '/items', 204],
  ])('C109: runs global middleware for the %s answer', async (_label, method, path, status) => {
    const secure: Middleware = async (_ctx, next) =>
      (await next()).withHeaders({ 'x-content-type-options': 'nosniff' });
    const trace: string[] = [];
    @Use(tracing('class', trace))
    class Api {
      @Get('/items') @Use(tracing('method', trace)) list() {
        return [];
      }
    }
    const handler = createHandler(Api, { logger: captureLogger(), middleware: [secure] });

    const answer = await send(handler, method, path);

    expect(answer.status).toBe(status);
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(trace).toEqual([]);
  });

  it('C109: runs class and method middleware only for their own routes', async () => {
    const trace: string[] = [];
    @Use(tracing('orders', trace))
    class Orders {
      @Get('/orders') list() {
        return [];
      }
      @Get('/orders/{id}') @Use(tracing('order', trace)) get() {
        return {};
      }
    }
    class Users {
      @Get('/users') list() {
        return [];
      }
    }
    const handler = createHandler([Orders, Users], { logger: captureLogger() });

    await send(handler, 'GET', '/users');
    await send(handler, 'GET', '/orders');

    expect(trace).toEqual(['orders in', 'orders out']);
  });

  it('gives the route, a fresh state and no principal to the middleware', async () => {
    const seen: unknown[] = [];
    const look: Middleware = async (ctx, next) => {
      seen.push(ctx.route, ctx.principal, ctx.state.has(createStateKey('x')));
      return next();
    };
    class Api {
      @Get('/items/{id}') get() {
        return {};
      }
    }
    const handler = createHandler(Api, { logger: captureLogger(), middleware: [look] });

    await send(handler, 'GET', '/items/1');
    await send(handler, 'GET', '/nowhere');

    expect(seen).toEqual([
      { routeKey: 'GET /items/{id}', controller: Api, method: 'get' },
      undefined,
      false,
      undefined,
      undefined,
      false,
    ]);
  });

  it('binds the method from the request a middleware replaced, and reads its state', async () => {
    const Tenant = createStateKey<string>('tenant');
    const rewrite: Middleware = async (ctx, next) => {
      ctx.state.set(Tenant, ctx.request.headers['x-tenant'] ?? 'none');
      ctx.request = { ...ctx.request, path: '/changed' };
      return next();
    };
    class Api {
      @Post('/items/{id}')
      @Use(rewrite)
      create(
        @Param('id') id: string,
        @State(Tenant) tenant: string,
        @Req() request: LambdaHttpRequest,
      ) {
        return { id, tenant, path: request.path };
      }
    }
    const handler = createHandler(Api, { logger: captureLogger() });

    const answer = await send(handler, 'POST', '/items/7', { headers: { 'x-tenant': 'acme' } });

    expect(answer.json).toEqual({ id: '7', tenant: 'acme', path: '/changed' });
  });

  it('binds undefined for @State when no middleware runs', async () => {
    const Tenant = createStateKey<string>('tenant');
    class Api {
      @Get('/items') list(@State(Tenant) tenant: string | undefined) {
        return { tenant: tenant ?? null };
      }
    }
    const handler = createHandler(Api, { logger: captureLogger() });

    expect((await send(handler, 'GET', '/items')).json).toEqual({ tenant: null });
  });

  it('answers 500 and runs the method once when a middleware calls next twice', async () => {
    let calls = 0;
    const twice: Middleware = async (_ctx, next) => {
      await next();
      return next();
    };
    class Api {
      @Get('/items') list() {
        calls += 1;
        return [];
      }
    }
    const logger = captureLogger();
    const handler = createHandler(Api, { logger, middleware: [twice] });

    const answer = await send(handler, 'GET', '/items');

    expect(answer.status).toBe(500);
    expect(calls).toBe(1);
    const failed = logger.records.find(({ record }) => record['message'] === 'request failed');
    expect(JSON.stringify(failed?.record)).toContain('called next() more than once');
  });
});
