import 'reflect-metadata';
import { container, inject, injectable } from 'tsyringe';
import { Param } from '../decorators/params';
import { Get } from '../decorators/route';
import { HandlerOptionsError, RoutesModuleError } from '../errors/config-errors';
import { withOrigin } from '../errors/routes-origin';
import { captureLogger, send } from '../test/support/handler-harness';
import { createHandler } from './create-handler';

interface Greeter {
  greet(name: string): string;
}

class Greetings {
  constructor(private readonly greeter: Greeter) {}
  @Get('/hello/{name}') hello(@Param('name') name: string) {
    return { text: this.greeter.greet(name) };
  }
}

class Health {
  @Get('/health') health() {
    return { ok: true };
  }
}

const quiet = { accessLog: false, logger: captureLogger() } as const;
const english: Greeter = { greet: (name) => `Hello, ${name}` };

describe('createHandler with the resolve option', () => {
  it('serves controllers built by a hand-written factory', async () => {
    // Prepare
    const handler = createHandler([Greetings, Health], {
      ...quiet,
      resolve: (Controller) =>
        Controller === Greetings ? new Greetings(english) : new (Controller as typeof Health)(),
    });

    // Act
    const hello = await send(handler, 'GET', '/hello/Ada');
    const health = await send(handler, 'GET', '/health');

    // Assess
    expect(hello.json).toEqual({ text: 'Hello, Ada' });
    expect(health.json).toEqual({ ok: true });
  });

  it('calls resolve once per controller class, when the handler is created', async () => {
    // Prepare
    const resolved: string[] = [];

    // Act
    const handler = createHandler([Greetings, Health], {
      ...quiet,
      resolve: (Controller) => {
        resolved.push(Controller.name);
        return Controller === Greetings ? new Greetings(english) : new Health();
      },
    });
    await send(handler, 'GET', '/health');
    await send(handler, 'GET', '/hello/Ada');

    // Assess
    expect(resolved).toEqual(['Greetings', 'Health']);
  });

  it('fails at cold start when resolve throws, naming the class and keeping the cause', () => {
    const missing = new Error('no binding for Greeter');

    const create = () =>
      createHandler(Greetings, {
        ...quiet,
        resolve: () => {
          throw missing;
        },
      });

    expect(create).toThrow(
      expect.objectContaining({
        name: 'RoutesModuleError',
        message:
          'Resolving controller Greetings failed in the resolve option: no binding for Greeter.',
        cause: missing,
      }),
    );
  });

  it.each([
    ['an instance of another class', () => new Health(), 'an instance of Health'],
    ['a promise', () => Promise.resolve(new Greetings(english)), 'an instance of Promise'],
    ['undefined', () => undefined as unknown as object, 'undefined'],
    ['null', () => null as unknown as object, 'null'],
    ['an object without a prototype', () => Object.create(null) as object, 'an object'],
    ['an instance of an anonymous class', () => new (class {})(), 'an object'],
  ])('fails at cold start when resolve returns %s', (_label, resolve, described) => {
    expect(() => createHandler(Greetings, { ...quiet, resolve })).toThrow(
      new RoutesModuleError(
        `The resolve option returned ${described} for controller Greetings; ` +
          'it must return an instance of Greetings.',
      ),
    );
  });

  it('names the routes module in a resolve error raised by main.handler', () => {
    let error: unknown;
    try {
      createHandler(Greetings, { ...quiet, resolve: () => new Health() });
    } catch (thrown) {
      error = thrown;
    }

    expect(withOrigin(error, { file: '/var/task/routes.js', exportName: 'routes' })).toEqual(
      new RoutesModuleError(
        'The resolve option returned an instance of Health for controller Greetings ' +
          '(export "routes" of /var/task/routes.js); it must return an instance of Greetings.',
      ),
    );
  });

  it('refuses a resolve option that is not a function', () => {
    const options = { resolve: { Greetings: new Greetings(english) } };

    expect(() => createHandler(Greetings, options as never)).toThrow(
      new HandlerOptionsError(
        'createHandler options: resolve must be a function (Controller) => instance; got {"Greetings":{"greeter":{}}}.',
      ),
    );
  });

  it('accepts a subclass instance, as a container may bind one', async () => {
    class LoudGreetings extends Greetings {}

    const handler = createHandler(Greetings, {
      ...quiet,
      resolve: () => new LoudGreetings({ greet: (name) => `HELLO, ${name.toUpperCase()}` }),
    });

    expect((await send(handler, 'GET', '/hello/ada')).json).toEqual({ text: 'HELLO, ADA' });
  });
});

describe('createHandler with a tsyringe container', () => {
  const GREETER = Symbol('Greeter');

  @injectable()
  class Clock {
    now(): string {
      return '2026-12-03T12:00:00.000Z';
    }
  }

  // tsyringe reads the constructor's parameter types from the same decorator metadata the
  // framework reads for DTOs; an interface-typed parameter names its token with @inject.
  @injectable()
  class Status {
    constructor(
      private readonly clock: Clock,
      @inject(GREETER) private readonly greeter: Greeter,
    ) {}
    @Get('/status') status() {
      return { at: this.clock.now(), text: this.greeter.greet('status') };
    }
  }

  it('serves controllers the container builds with their dependencies', async () => {
    // Prepare
    const child = container.createChildContainer();
    child.register(GREETER, { useValue: english });
    const handler = createHandler([Status], {
      ...quiet,
      resolve: (Controller) => child.resolve(Controller),
    });

    // Act
    const answer = await send(handler, 'GET', '/status');

    // Assess
    expect(answer.json).toEqual({ at: '2026-12-03T12:00:00.000Z', text: 'Hello, status' });
  });

  it('reports a dependency the container cannot build as a cold-start error with its cause', () => {
    const child = container.createChildContainer();

    const create = () =>
      createHandler(Greetings, { ...quiet, resolve: (Controller) => child.resolve(Controller) });

    expect(create).toThrow(
      expect.objectContaining({
        name: 'RoutesModuleError',
        message: expect.stringMatching(
          /^Resolving controller Greetings failed in the resolve option: /,
        ),
        cause: expect.any(Error),
      }),
    );
  });
});
