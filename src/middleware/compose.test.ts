import { HttpResponse } from '../http/response';
import { lambdaContext } from '../test/support/lambda-context';
import { composeMiddleware, NextCalledTwiceError } from './compose';
import type { Middleware } from './middleware';
import { createRequestContext } from './request-context';

const request = {
  method: 'GET',
  path: '/',
  headers: {},
  query: {},
  cookies: {},
  body: undefined,
  sourceIp: undefined,
  sourceRequestId: undefined,
  event: {},
  context: lambdaContext(),
};
const ok = async () => new HttpResponse({ status: 200 });

describe('composeMiddleware', () => {
  it('composes nothing for an empty list', () => {
    expect(composeMiddleware([])).toBeUndefined();
  });

  it('rejects with NextCalledTwiceError naming the middleware that called next again', async () => {
    const first: Middleware = (_ctx, next) => next();
    const twice: Middleware = async (_ctx, next) => {
      await next();
      return next();
    };
    const chain = composeMiddleware([first, twice]);

    const run = chain?.(createRequestContext(request, undefined), ok);

    await expect(run).rejects.toThrow(NextCalledTwiceError);
    await expect(run).rejects.toThrow('Middleware 2 of the chain called next() more than once');
  });

  it.each([
    ['undefined', undefined, 'resolved to undefined'],
    ['a plain object', { status: 200 }, 'resolved to an object (Object)'],
    ['null', null, 'resolved to null'],
  ])('rejects a middleware that resolves to %s', async (_label, value, message) => {
    // Plain JavaScript middleware is not held to the type.
    const wrong = (async () => value) as unknown as Middleware;
    const chain = composeMiddleware([wrong]);

    await expect(chain?.(createRequestContext(request, undefined), ok)).rejects.toThrow(message);
  });

  it('turns a synchronous throw into a rejection', async () => {
    const failure = new Error('sync');
    const throwing: Middleware = () => {
      throw failure;
    };
    const chain = composeMiddleware([throwing]);

    await expect(chain?.(createRequestContext(request, undefined), ok)).rejects.toBe(failure);
  });
});
