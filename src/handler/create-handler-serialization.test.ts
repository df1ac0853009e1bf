import { Exclude, Expose, Transform } from 'class-transformer';
import { Get } from '../decorators/route';
import { SerializeOptions } from '../decorators/serialize-options';
import { DecoratorUsageError, HandlerOptionsError } from '../errors/config-errors';
import { HttpResponse } from '../http/response';
import { captureLogger, send } from '../test/support/handler-harness';
import { createHandler } from './create-handler';

class Account {
  id = 'a1';
  @Exclude() passwordHash = 'secret-hash';
  @Expose({ name: 'display_name' }) displayName = 'Ada';
  @Expose({ groups: ['admin'] }) internalNote = 'vip';
  @Transform(({ value }: { value: Date }) => value.getUTCFullYear()) createdAt = new Date(
    Date.UTC(2020, 1, 2),
  );
}

/** A tree whose back-reference is excluded: not a cycle of what is sent. */
class TreeNode {
  readonly children: TreeNode[] = [];
  @Exclude() parent: TreeNode | undefined;
  constructor(readonly name: string) {}
}

const shown = { id: 'a1', display_name: 'Ada', createdAt: 2020 };

describe('createHandler serialization', () => {
  class Accounts {
    @Get('/one') one() {
      return new Account();
    }
    @Get('/nested') nested() {
      return { page: { items: [new Account()], total: 1 }, at: new Date(Date.UTC(2021, 0, 1)) };
    }
    @Get('/list') list() {
      return [new Account(), [new Account()]];
    }
    @Get('/response') response() {
      return new HttpResponse({
        status: 201,
        headers: { 'x-a': '1' },
        body: { account: new Account() },
      });
    }
    @Get('/admin') @SerializeOptions({ groups: ['admin'] }) admin() {
      return { account: new Account() };
    }
    @Get('/tree') tree() {
      const root = new TreeNode('root');
      const child = new TreeNode('child');
      child.parent = root;
      root.children.push(child);
      return root;
    }
  }
  const handler = createHandler(Accounts, { logger: captureLogger() });

  it('turns a returned instance into plain data, with @Exclude, @Expose renames and @Transform', async () => {
    const answer = await send(handler, 'GET', '/one');

    expect(answer.status).toBe(200);
    expect(answer.json).toEqual(shown);
    expect(answer.body).not.toContain('secret-hash');
  });

  it('serializes instances nested in plain objects, keeping the plain data around them', async () => {
    const answer = await send(handler, 'GET', '/nested');

    expect(answer.json).toEqual({
      page: { items: [shown], total: 1 },
      at: '2021-01-01T00:00:00.000Z',
    });
  });

  it('serializes instances in arrays, at any depth', async () => {
    const answer = await send(handler, 'GET', '/list');

    expect(answer.json).toEqual([shown, [shown]]);
  });

  it('serializes instances in an HttpResponse body, keeping its status and headers', async () => {
    const answer = await send(handler, 'GET', '/response');

    expect(answer.status).toBe(201);
    expect(answer.headers['x-a']).toBe('1');
    expect(answer.json).toEqual({ account: shown });
  });

  it('sends @Expose({ groups }) properties only to routes serializing with that group', async () => {
    const answer = await send(handler, 'GET', '/admin');

    expect(answer.json).toEqual({ account: { ...shown, internalNote: 'vip' } });
  });

  it('does not count an excluded back-reference as a cycle', async () => {
    const answer = await send(handler, 'GET', '/tree');

    expect(answer.json).toEqual({ name: 'root', children: [{ name: 'child', children: [] }] });
  });

  it('answers a body that contains itself with 500 and one log line naming where', async () => {
    class Loop {
      self: unknown = this;
    }
    class Cycles {
      @Get('/plain') plain() {
        const node: { items: unknown[] } = { items: [] };
        node.items.push({ back: node });
        return node;
      }
      @Get('/instance') instance() {
        return { wrapper: new Loop() };
      }
    }
    const logger = captureLogger();
    const cycles = createHandler(Cycles, { logger, accessLog: false });

    const plain = await send(cycles, 'GET', '/plain');
    const instance = await send(cycles, 'GET', '/instance');

    expect(plain.status).toBe(500);
    expect(instance.status).toBe(500);
    expect(JSON.stringify(plain.json)).not.toContain('back');
    const errors = logger.records.filter(({ level }) => level === 'error');
    expect(errors).toHaveLength(2);
    expect(JSON.stringify(errors[0]?.record)).toContain('$.items[0].back');
    expect(JSON.stringify(errors[1]?.record)).toContain('$.wrapper.self');
  });

  it('leaves plain data untouched: the method’s own response object goes out', async () => {
    const body = { items: [{ id: 1, tags: ['a'], at: new Date(0) }], next: null };
    const returned = new HttpResponse({ body });
    let seen: HttpResponse | undefined;
    class Plain {
      @Get('/plain') plain() {
        return returned;
      }
    }
    const plain = createHandler(Plain, {
      logger: captureLogger(),
      middleware: [
        async (_ctx, next) => {
          seen = await next();
          return seen;
        },
      ],
    });

    const answer = await send(plain, 'GET', '/plain');

    expect(seen).toBe(returned);
    expect(answer.json).toEqual({
      items: [{ id: 1, tags: ['a'], at: '1970-01-01T00:00:00.000Z' }],
      next: null,
    });
  });

  it('keeps a __proto__ key of plain data around an instance as a key', async () => {
    class Proto {
      @Get('/proto') proto() {
        const body = JSON.parse('{"__proto__": {"x": 1}}') as Record<string, unknown>;
        body['account'] = new Account();
        return body;
      }
    }
    const proto = createHandler(Proto, { logger: captureLogger() });

    const answer = await send(proto, 'GET', '/proto');

    expect(answer.body).toBe(`{"__proto__":{"x":1},"account":${JSON.stringify(shown)}}`);
  });
});

describe('serialization as the response is written', () => {
  it('serializes the instances of a response a middleware builds anew, with the route settings', async () => {
    class Admin {
      @Get('/admin') @SerializeOptions({ groups: ['admin'] }) admin() {
        return new Account();
      }
    }
    const handler = createHandler(Admin, {
      logger: captureLogger(),
      middleware: [
        async (_ctx, next) => {
          const response = await next();
          return new HttpResponse({ status: 202, body: { wrapped: response.body } });
        },
      ],
    });

    const answer = await send(handler, 'GET', '/admin');

    expect(answer.status).toBe(202);
    expect(answer.json).toEqual({ wrapped: { ...shown, internalNote: 'vip' } });
    expect(answer.body).not.toContain('secret-hash');
  });

  it('lets a middleware see what the method returned, instances included', async () => {
    let seen: unknown;
    class One {
      @Get('/one') one() {
        return { account: new Account() };
      }
    }
    const handler = createHandler(One, {
      logger: captureLogger(),
      middleware: [
        async (_ctx, next) => {
          const response = await next();
          seen = response.body;
          return response;
        },
      ],
    });

    const answer = await send(handler, 'GET', '/one');

    expect((seen as { account: unknown }).account).toBeInstanceOf(Account);
    expect(answer.json).toEqual({ account: shown });
  });

  it('serializes a class decorated after the handler was created', async () => {
    let Late: (new () => object) | undefined;
    class Lazy {
      @Get('/late') late() {
        // As a module required on first use would: the class and its decorators come now.
        if (Late === undefined) {
          class Secret {
            id = 's1';
            @Exclude() key = 'hidden-key';
          }
          Late = Secret;
        }
        return [new Late()];
      }
    }
    const handler = createHandler(Lazy, { logger: captureLogger() });

    const answer = await send(handler, 'GET', '/late');

    expect(answer.json).toEqual([{ id: 's1' }]);
  });

  it('keeps a class’s own toJSON, decorated or not', async () => {
    class Money {
      @Exclude() internal = 'x';
      toJSON() {
        return '12.50 EUR';
      }
    }
    class Prices {
      @Get('/price') price() {
        return { price: new Money() };
      }
    }
    const handler = createHandler(Prices, { logger: captureLogger() });

    expect((await send(handler, 'GET', '/price')).json).toEqual({ price: '12.50 EUR' });
  });

  it('leaves JSON.stringify of an instance outside a response as it was', async () => {
    class One {
      @Get('/one') one() {
        return new Account();
      }
    }
    await send(createHandler(One, { logger: captureLogger() }), 'GET', '/one');

    const text = JSON.stringify(new Account());

    expect(text).toContain('secret-hash');
    expect(text).toContain('displayName');
  });

  it('sends an undecorated instance as its exposed properties (none) under excludeAll', async () => {
    class Bare {
      id = 'b1';
    }
    class Bares {
      @Get('/bare') bare() {
        return { bare: new Bare(), account: new Account() };
      }
    }
    const handler = createHandler(Bares, {
      logger: captureLogger(),
      serialize: { strategy: 'excludeAll' },
    });

    expect((await send(handler, 'GET', '/bare')).json).toEqual({
      bare: {},
      account: { display_name: 'Ada' },
    });
  });

  it('sends an undecorated instance as JSON.stringify does, decorated ones inside it serialized', async () => {
    class Holder {
      readonly at = new Date(0);
      readonly account = new Account();
    }
    class Holders {
      @Get('/holder') holder() {
        return new Holder();
      }
    }
    const handler = createHandler(Holders, { logger: captureLogger() });

    expect((await send(handler, 'GET', '/holder')).json).toEqual({
      at: '1970-01-01T00:00:00.000Z',
      account: shown,
    });
  });

  it('answers a cycle through a decorated instance with 500 and the path where it closes', async () => {
    class Parent {
      @Exclude() secret = 's';
      child: { parent?: Parent } = {};
    }
    class Cyclic {
      @Get('/cyclic') cyclic() {
        const parent = new Parent();
        parent.child.parent = parent;
        return { items: [parent] };
      }
    }
    const logger = captureLogger();
    const handler = createHandler(Cyclic, { logger, accessLog: false });

    const answer = await send(handler, 'GET', '/cyclic');

    expect(answer.status).toBe(500);
    const errors = logger.records.filter(({ level }) => level === 'error');
    expect(errors).toHaveLength(1);
    expect(JSON.stringify(errors[0]?.record)).toContain('$.items[0].child.parent');
  });
});

describe('serialize settings', () => {
  class Card {
    @Expose() id = 'c1';
    @Expose({ groups: ['owner'] }) number = '4111';
    @Expose({ groups: ['staff'] }) issuer = 'bank';
    hidden = 'x';
  }

  it('applies the handler default, the class settings over it, the method settings over both', async () => {
    @SerializeOptions({ groups: ['owner'], strategy: 'excludeAll' })
    class Cards {
      @Get('/class') byClass() {
        return { card: new Card() };
      }
      @Get('/method') @SerializeOptions({ groups: ['staff'] }) byMethod() {
        return { card: new Card() };
      }
    }
    class Plain {
      @Get('/default') byDefault() {
        return { card: new Card() };
      }
    }
    const options = { logger: captureLogger(), serialize: { groups: ['staff', 'owner'] } };
    const cards = createHandler(Cards, options);
    const plain = createHandler(Plain, options);

    expect((await send(plain, 'GET', '/default')).json).toEqual({
      card: { id: 'c1', number: '4111', issuer: 'bank', hidden: 'x' },
    });
    // excludeAll empties no plain wrapper: only the instance is filtered.
    expect((await send(cards, 'GET', '/class')).json).toEqual({
      card: { id: 'c1', number: '4111' },
    });
    expect((await send(cards, 'GET', '/method')).json).toEqual({
      card: { id: 'c1', issuer: 'bank' },
    });
  });

  it('inherits a base class settings, the subclass overriding them', async () => {
    @SerializeOptions({ groups: ['owner'] })
    class Base {
      @Get('/base') card() {
        return new Card();
      }
    }
    @SerializeOptions({ strategy: 'excludeAll' })
    class Derived extends Base {}
    const derived = createHandler(Derived, { logger: captureLogger() });

    expect((await send(derived, 'GET', '/base')).json).toEqual({ id: 'c1', number: '4111' });
  });

  it.each([
    [{ groups: 'admin' }, 'groups must be an array of strings; got "admin"'],
    [{ strategy: 'none' }, 'strategy must be "exposeAll" or "excludeAll"; got "none"'],
    [{ group: ['a'] }, 'unknown setting ["group"]; known: groups, strategy'],
    [['admin'], 'expected an object with groups and/or strategy; got ["admin"]'],
  ])('refuses the handler option serialize: %j', (serialize, message) => {
    class Api {
      @Get('/') root() {
        return {};
      }
    }
    const create = () => createHandler(Api, { serialize: serialize as never });

    expect(create).toThrow(HandlerOptionsError);
    expect(create).toThrow(`createHandler options: serialize: ${message}.`);
  });

  it('refuses @SerializeOptions with bad settings when the class is decorated', () => {
    const decorate = () => {
      class Api {
        @Get('/') @SerializeOptions({ groups: [1] as never }) root() {
          return {};
        }
      }
      return Api;
    };

    expect(decorate).toThrow(DecoratorUsageError);
    expect(decorate).toThrow(
      '@SerializeOptions() on Api.root: groups must be an array of strings; got [1].',
    );
  });
});
