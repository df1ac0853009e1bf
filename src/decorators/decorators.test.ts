import { DecoratorUsageError } from '../errors/config-errors';
import { getMetadataStore } from '../metadata/store';
import { HttpCode } from './http-code';
import { Headers, Param } from './params';
import { Get } from './route';

describe('route decorators', () => {
  it('C95: refuse to run as standard (TC39) decorators, saying which tsconfig flags to set', () => {
    // Prepare: the call a standard method decorator receives
    const context = { kind: 'method', name: 'list', static: false, private: false };

    // Act / Assess
    expect(() => Reflect.apply(Get('/users'), undefined, [() => undefined, context])).toThrow(
      DecoratorUsageError,
    );
    expect(() => Reflect.apply(Get('/users'), undefined, [() => undefined, context])).toThrow(
      '"experimentalDecorators": true',
    );
  });

  it('refuse static methods', () => {
    class Static {
      static list() {}
      instance() {}
    }
    expect(() =>
      Get('/users')(
        Static,
        'list',
        Object.getOwnPropertyDescriptor(Static, 'list') as PropertyDescriptor,
      ),
    ).toThrow(
      '@Get("/users") is on static method list of Static: routes must be instance methods.',
    );
  });

  it('record routes keyed by the class object, not its name', () => {
    const first = (() => {
      class Same {
        @Get('/a') a() {}
      }
      return Same;
    })();
    const second = (() => {
      class Same {
        @Get('/b') b() {}
      }
      return Same;
    })();
    expect(
      getMetadataStore()
        .get(first)
        ?.routes.map((route) => route.path),
    ).toEqual(['/a']);
    expect(
      getMetadataStore()
        .get(second)
        ?.routes.map((route) => route.path),
    ).toEqual(['/b']);
  });

  it('share one store through globalThis', () => {
    const holder = globalThis as unknown as Record<symbol, unknown>;
    expect(holder[Symbol.for('lambda-controllers.metadata')]).toBe(getMetadataStore());
  });
});

describe('parameter decorators', () => {
  it('refuse constructor parameters', () => {
    expect(() => Param('id')(class Users {}, undefined, 0)).toThrow(
      '@Param() is on a constructor or static method parameter of Users',
    );
  });

  it('C69: store header names in lower case', () => {
    class Echo {
      @Get('/') echo(@Headers('X-Request-Id') _id: string) {}
    }
    expect(getMetadataStore().get(Echo)?.params[0]?.name).toBe('x-request-id');
  });
});

describe('HttpCode', () => {
  it.each([99, 199, 600, 201.5])('refuses status %p', (status) => {
    expect(() => HttpCode(status)({}, 'x', {})).toThrow(
      `@HttpCode(${status}) on x: the status must be an integer from 200 to 599.`,
    );
  });
});
