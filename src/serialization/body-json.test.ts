import { Exclude, Expose } from 'class-transformer';
import { bodyJsonOf } from './body-json';
import { CircularBodyError } from './circular-body-error';
import { knownInstanceToJson, prepareKnownClasses } from './known-classes';

class Account {
  id = 'a1';
  @Exclude() passwordHash = 'secret-hash';
  @Expose({ groups: ['admin'] }) note = 'vip';
}

describe('bodyJsonOf', () => {
  it('gives each known class the toJSON that serializes it, and leaves plain objects alone', () => {
    prepareKnownClasses();

    expect(Object.getOwnPropertyDescriptor(Account.prototype, 'toJSON')).toEqual({
      value: knownInstanceToJson,
      writable: true,
      configurable: true,
      enumerable: false,
    });
    expect(Object.keys(new Account())).toEqual(['id', 'passwordHash', 'note']);
    expect(Object.hasOwn(Object.prototype, 'toJSON')).toBe(false);
  });

  it('writes instances with the route settings over the handler defaults', () => {
    const body = { account: new Account() };

    expect(bodyJsonOf(undefined, undefined)(body)).toBe('{"account":{"id":"a1"}}');
    expect(bodyJsonOf({ groups: ['admin'] }, { groups: ['other'] })(body)).toBe(
      '{"account":{"id":"a1","note":"vip"}}',
    );
    expect(bodyJsonOf(undefined, { groups: ['admin'] })(body)).toBe(
      '{"account":{"id":"a1","note":"vip"}}',
    );
  });

  it('writes plain data exactly as JSON.stringify does', () => {
    const body = { items: [{ id: 1, at: new Date(0), tags: ['a', null] }], next: undefined };

    expect(bodyJsonOf(undefined, undefined)(body)).toBe(JSON.stringify(body));
  });

  it('gives undefined for a body JSON has no text for, as JSON.stringify does', () => {
    expect(bodyJsonOf(undefined, undefined)(() => 1)).toBeUndefined();
  });

  it('names where a plain body closes a cycle', () => {
    const node: { items: unknown[] } = { items: [] };
    node.items.push({ back: node });

    const write = () => bodyJsonOf(undefined, undefined)(node);

    expect(write).toThrow(CircularBodyError);
    expect(write).toThrow('$.items[0].back');
  });

  it('passes on what JSON.stringify refuses that is no cycle', () => {
    expect(() => bodyJsonOf(undefined, undefined)({ big: 1n })).toThrow(TypeError);
  });

  it('still serializes the instances of a class whose prototype could not get a toJSON', () => {
    class Sealed {
      id = 's1';
      @Exclude() key = 'hidden-key';
    }
    Object.freeze(Sealed.prototype);

    expect(prepareKnownClasses()).toBe(false);
    expect(bodyJsonOf(undefined, undefined)({ sealed: [new Sealed()] })).toBe(
      '{"sealed":[{"id":"s1"}]}',
    );
    expect(bodyJsonOf(undefined, undefined)({ account: new Account() })).toBe(
      '{"account":{"id":"a1"}}',
    );
  });
});

describe('bodyJsonOf with a class-transformer storage of another shape', () => {
  it('prepares no class and walks every body, so instances are still serialized', () => {
    jest.isolateModules(() => {
      jest.doMock('class-transformer/cjs/storage', () => {
        const { defaultMetadataStorage: real } = jest.requireActual<
          typeof import('class-transformer/cjs/storage')
        >('class-transformer/cjs/storage');
        // The storage's methods without its private maps, as another version might keep them.
        const methods: Record<string, unknown> = {};
        for (const name of Object.getOwnPropertyNames(Object.getPrototypeOf(real))) {
          const method: unknown = Reflect.get(real, name);
          if (name !== 'constructor' && typeof method === 'function') {
            methods[name] = method.bind(real);
          }
        }
        return { defaultMetadataStorage: methods };
      });
      const transformer = require('class-transformer') as typeof import('class-transformer');
      const known = require('./known-classes') as typeof import('./known-classes');
      const { bodyJsonOf: isolated } = require('./body-json') as typeof import('./body-json');
      class Vault {
        id = 'v1';
        secret = 'hidden';
      }
      transformer.Exclude()(Vault.prototype, 'secret');

      expect(known.prepareKnownClasses()).toBe(false);
      expect(isolated(undefined, undefined)({ vault: [new Vault()] })).toBe(
        '{"vault":[{"id":"v1"}]}',
      );
    });
  });
});

describe('bodyJsonOf when the walk for a cycle fails too', () => {
  it('passes on the error JSON.stringify gave, not the walk’s', () => {
    let reads = 0;
    const body = {
      get broken(): never {
        reads += 1;
        throw new RangeError(`read ${reads}`);
      },
    };

    expect(() => bodyJsonOf(undefined, undefined)(body)).toThrow('read 1');
    expect(reads).toBe(2);
  });
});
