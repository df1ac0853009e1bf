import { DecoratorUsageError } from '../errors/config-errors';
import type { Middleware } from '../middleware/middleware';
import { createStateKey } from '../middleware/state';
import { State } from './params';
import { Use } from './use';

const pass: Middleware = (_ctx, next) => next();

describe('Use', () => {
  it('refuses a value that is not a function, naming the method and the argument', () => {
    const notMiddleware = 'cors' as unknown as Middleware;
    expect(() => {
      class Api {
        @Use(pass, notMiddleware) list() {
          return [];
        }
      }
      return Api;
    }).toThrow(
      new DecoratorUsageError(
        '@Use() on Api.list: argument 1 is string, not a middleware function.',
      ),
    );
  });

  it('refuses a static method', () => {
    expect(() => {
      class Api {
        @Use(pass) static list() {
          return [];
        }
        count() {
          return 0;
        }
      }
      return Api;
    }).toThrow('@Use() on static method Api.list');
  });
});

describe('State', () => {
  it('refuses a key not made by createStateKey', () => {
    const notAKey = 'tenant' as unknown as ReturnType<typeof createStateKey<string>>;
    expect(() => State(notAKey)).toThrow(
      '@State() needs a key made by createStateKey(); got "tenant".',
    );
  });

  it('accepts a key made by createStateKey', () => {
    expect(typeof State(createStateKey<string>('tenant'))).toBe('function');
  });
});
