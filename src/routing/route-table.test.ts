import { IsString } from 'class-validator';
import { HttpCode } from '../decorators/http-code';
import { Body, Param, Query } from '../decorators/params';
import { Delete, Get, Post } from '../decorators/route';
import { RouteDefinitionError, RoutesModuleError } from '../errors/config-errors';
import { withOrigin } from '../errors/routes-origin';
import { buildRouteTable } from './route-table';

class NameDto {
  @IsString() name!: string;
}

const origin = { file: '/var/task/routes.js', exportName: 'routes' };

/** The table as the layer builds it from routes.js: errors name the file and export. */
function buildFromRoutesModule(routes: unknown) {
  try {
    return buildRouteTable(routes);
  } catch (error) {
    throw withOrigin(error, origin);
  }
}

describe('buildRouteTable', () => {
  it('builds one definition per route with its bindings and status', () => {
    // Prepare
    class Users {
      @Get('/users/{id}') get(@Param('id') id: number, @Query('verbose') verbose: boolean) {
        return { id, verbose };
      }
      @Post('/users') @HttpCode(201) create(@Body() body: NameDto) {
        return body;
      }
    }

    // Act
    const table = buildRouteTable(Users);

    // Assess
    expect(table.routes.map((route) => route.routeKey)).toEqual(['GET /users/{id}', 'POST /users']);
    expect(table.routes[0]?.params).toEqual([
      { kind: 'param', name: 'id', type: 'number' },
      { kind: 'query', name: 'verbose', type: 'boolean' },
    ]);
    expect(table.routes[1]?.params).toEqual([{ kind: 'body-dto', dto: NameDto }]);
    expect(table.routes[1]?.httpCode).toBe(201);
  });

  it('accepts an array of controllers', () => {
    class A {
      @Get('/a') a() {}
    }
    class B {
      @Get('/b') b() {}
    }
    expect(buildFromRoutesModule([A, B]).routes.map((route) => route.routeKey)).toEqual([
      'GET /a',
      'GET /b',
    ]);
  });

  it('C55: refuses two routes of one method and shape, naming both', () => {
    class Users {
      @Get('/users/{id}') one() {}
      @Get('/users/{userId}') two() {}
    }
    expect(() => buildFromRoutesModule(Users)).toThrow(
      new RouteDefinitionError(
        'Routes collide: GET /users/{userId} on Users.two (export "routes" of /var/task/routes.js) and ' +
          'GET /users/{id} on Users.one match the same requests.',
      ),
    );
  });

  it('C54: names class, method and template of an invalid template', () => {
    class Files {
      @Get('/files/{path+}/x') read() {}
    }
    expect(() => buildRouteTable(Files)).toThrow(
      'Invalid route template "/files/{path+}/x" on Files.read: the greedy parameter {path+} must be the last segment.',
    );
  });

  it('refuses a @Param whose name is not in the template', () => {
    class Users {
      @Get('/users/{id}') get(@Param('userId') _id: string) {}
    }
    expect(() => buildRouteTable(Users)).toThrow(
      '@Param("userId") on Users.get names no parameter of the route (it has {id}).',
    );
  });

  it('refuses two binding decorators on one parameter', () => {
    class Users {
      @Get('/users/{id}') get(@Param('id') @Query('id') _id: string) {}
    }
    expect(() => buildRouteTable(Users)).toThrow(
      'Parameter 0 of Users.get has two binding decorators.',
    );
  });

  it('refuses two @Body parameters', () => {
    class Users {
      @Post('/users') create(@Body() _a: NameDto, @Body() _b: NameDto) {}
    }
    expect(() => buildRouteTable(Users)).toThrow('Users.create has more than one @Body parameter.');
  });

  it('C70: refuses @Body() whose type is unknown, telling how to fix it', () => {
    class Users {
      @Post('/users') create(@Body() _body: Record<string, unknown>) {}
    }
    expect(() => buildRouteTable(Users)).toThrow(
      /@Body\(\) on parameter 0 of Users.create has the type Object.*emitDecoratorMetadata.*@Body\(CreateUserDto\)/s,
    );
  });

  it('C70: refuses @Body() on a method without type metadata', () => {
    // Prepare: decorators applied by hand, as a build without emitDecoratorMetadata leaves them
    class Users {
      create(_body: unknown) {}
    }
    Post('/users')(
      Users.prototype,
      'create',
      Object.getOwnPropertyDescriptor(Users.prototype, 'create') as PropertyDescriptor,
    );
    Body()(Users.prototype, 'create', 0);

    // Act / Assess
    expect(() => buildRouteTable(Users)).toThrow('has no type metadata');
  });

  it('takes @Body(Dto) without metadata, and raw text or bytes for string and Buffer', () => {
    class Users {
      create(_body: unknown) {}
      @Post('/text') text(@Body() _body: string) {}
      @Post('/bytes') bytes(@Body() _body: Buffer) {}
    }
    Post('/users')(
      Users.prototype,
      'create',
      Object.getOwnPropertyDescriptor(Users.prototype, 'create') as PropertyDescriptor,
    );
    Body(NameDto)(Users.prototype, 'create', 0);
    const table = buildRouteTable(Users);
    expect(table.routes.map((route) => route.params[0]?.kind)).toEqual([
      'body-text',
      'body-bytes',
      'body-dto',
    ]);
  });

  it('C94: refuses a class with no routes, a non-class and an empty list, naming the file and export', () => {
    class Empty {}
    expect(() => buildFromRoutesModule(Empty)).toThrow(
      new RoutesModuleError(
        'Controller Empty (export "routes" of /var/task/routes.js) has no routes: decorate its methods with @Get, @Post, ... (and build with legacy decorators).',
      ),
    );
    expect(() => buildFromRoutesModule({ get: 1 })).toThrow('item 0 is object');
    expect(() => buildFromRoutesModule([])).toThrow(
      'No controller classes were given (export "routes" of /var/task/routes.js).',
    );
  });

  it('reports a constructor that throws, keeping the cause', () => {
    class Broken {
      constructor() {
        throw new Error('no config');
      }
      @Get('/x') x() {}
    }
    expect(() => buildRouteTable(Broken)).toThrow(
      expect.objectContaining({
        message: 'Constructing controller Broken failed.',
        cause: new Error('no config'),
      }),
    );
  });

  it('C73: instantiates each controller once and calls methods with it as this', async () => {
    // Prepare
    let constructed = 0;
    class Counter {
      readonly #prefix = 'n=';
      constructor() {
        constructed += 1;
      }
      @Get('/a') a() {
        return `${this.#prefix}a`;
      }
      @Get('/b') b() {
        return `${this.#prefix}b`;
      }
    }

    // Act
    const table = buildRouteTable(Counter);
    const results = await Promise.all(table.routes.map((route) => route.invoke([])));

    // Assess
    expect(constructed).toBe(1);
    expect(results).toEqual(['n=a', 'n=b']);
  });

  it('inherits routes, a subclass method replacing the parent route of the same name', () => {
    class Base {
      @Get('/health') health() {
        return 'base';
      }
      @Get('/version') version() {
        return 'base';
      }
    }
    class Child extends Base {
      @Get('/v2/version') override version() {
        return 'child';
      }
      @Delete('/cache') clear() {}
    }
    expect(
      buildRouteTable(Child)
        .routes.map((route) => route.routeKey)
        .sort(),
    ).toEqual(['DELETE /cache', 'GET /health', 'GET /v2/version']);
  });
});

describe('buildRouteTable refusals', () => {
  it('refuses @Body with something that is not a class', () => {
    class Users {
      create(_body: unknown) {}
    }
    Post('/users')(
      Users.prototype,
      'create',
      Object.getOwnPropertyDescriptor(Users.prototype, 'create') as PropertyDescriptor,
    );
    Body('CreateUserDto' as unknown as new () => object)(Users.prototype, 'create', 0);
    expect(() => buildRouteTable(Users)).toThrow(
      '@Body(CreateUserDto) on Users.create must name a class.',
    );
  });

  it('refuses a route decorator on a property that is not a method', () => {
    class Users {
      list = 'not a method';
    }
    Get('/users')(Users.prototype, 'list', {});
    expect(() => buildRouteTable(Users)).toThrow('@GET route on Users.list is not on a method.');
  });
});
