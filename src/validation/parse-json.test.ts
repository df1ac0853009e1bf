import { parseJsonBody } from './parse-json';

describe('parseJsonBody', () => {
  it('parses JSON', () => {
    expect(parseJsonBody('{"a":[1,{"b":null}]}')).toEqual({ a: [1, { b: null }] });
  });

  it('C75: answers 400 for malformed JSON', () => {
    expect(() => parseJsonBody('{"a":')).toThrow(
      expect.objectContaining({
        status: 400,
        message: expect.stringMatching(/^The body is not valid JSON: /),
      }),
    );
  });

  it.each([
    ['{"__proto__":{"polluted":true}}', '__proto__'],
    ['{"a":{"constructor":{"prototype":{"polluted":true}}}}', 'constructor'],
    ['{"\\u005f_proto__":{"polluted":true}}', '__proto__'],
    ['[{"constructor":1}]', 'constructor'],
  ])('C79: refuses %s', (text, key) => {
    expect(() => parseJsonBody(text)).toThrow(`The body may not contain the key "${key}".`);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('accepts the words inside values', () => {
    expect(parseJsonBody('{"note":"__proto__ and constructor"}')).toEqual({
      note: '__proto__ and constructor',
    });
  });

  describe('nesting', () => {
    const arrays = (depth: number) => `{"a":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const objects = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

    it('accepts a body nested exactly to the limit', () => {
      expect(parseJsonBody(arrays(63))).toEqual({ a: expect.any(Array) });
      expect(parseJsonBody(objects(64))).toEqual({ a: expect.any(Object) });
    });

    it.each([
      ['arrays', arrays(1_874)],
      ['an object chain', objects(2_270)],
      ['arrays with a \\u escape', `{"\\u0061":${'['.repeat(1_874)}${']'.repeat(1_874)}}`],
      ['arrays under a constructor key', `{"constructor":${'['.repeat(65)}${']'.repeat(65)}}`],
      ['unclosed arrays', '['.repeat(100_000)],
    ])('refuses %s past the limit with a 400 naming it', (_label, text) => {
      expect(() => parseJsonBody(text)).toThrow(
        expect.objectContaining({
          status: 400,
          message: 'The body nests arrays and objects more than 64 levels deep; the limit is 64.',
          extensions: { maxJsonDepth: 64 },
        }),
      );
    });

    it('does not count brackets inside strings, escaped quotes included', () => {
      const text = `{"a":"${'['.repeat(500)}\\"${'{'.repeat(500)}","b":[[1]]}`;
      expect(parseJsonBody(text, { maxDepth: 3, maxKeys: 10 })).toEqual({
        a: `${'['.repeat(500)}"${'{'.repeat(500)}`,
        b: [[1]],
      });
    });

    it('follows the limit it is given', () => {
      expect(() => parseJsonBody('[[[1]]]', { maxDepth: 2, maxKeys: 10 })).toThrow(
        'the limit is 2.',
      );
      expect(parseJsonBody('[[1]]', { maxDepth: 2, maxKeys: 10 })).toEqual([[1]]);
    });

    it('says nothing of the call stack when the reviver overflows it', () => {
      // Only reachable with the depth check out of the way: a deep body with a \u escape makes
      // the reviver recurse until V8 throws RangeError.
      const text = `{"\\u0061":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
      let thrown: unknown;
      try {
        parseJsonBody(text, { maxDepth: Number.MAX_SAFE_INTEGER, maxKeys: 10 });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toMatchObject({ status: 400, message: 'The body is not valid JSON.' });
      expect((thrown as Error).cause).toBeInstanceOf(RangeError);
    });
  });

  describe('members per object', () => {
    const members = (count: number) =>
      `{${Array.from({ length: count }, (_, index) => `"k${index}":{"a":1,"b":2}`).join(',')}}`;

    it('accepts an object with exactly the limit of members', () => {
      expect(Object.keys(parseJsonBody(members(1_000)) as object)).toHaveLength(1_000);
    });

    it('refuses an object with one more, naming the limit', () => {
      expect(() => parseJsonBody(members(1_001))).toThrow(
        expect.objectContaining({
          status: 400,
          message: 'An object in the body has more than 1000 members; the limit is 1000.',
          extensions: { maxJsonKeys: 1_000 },
        }),
      );
    });

    it('counts each object on its own, and not array items or colons in strings', () => {
      const limits = { maxDepth: 64, maxKeys: 2 };
      const text = '{"a":{"x":1,"y":2},"b":[1,2,3,4,{"z":"1:2:3:4"}]}';
      expect(parseJsonBody(text, limits)).toEqual({
        a: { x: 1, y: 2 },
        b: [1, 2, 3, 4, { z: '1:2:3:4' }],
      });
      expect(() => parseJsonBody('{"a":1,"b":{"x":1,"y":2,"z":3}}', limits)).toThrow(
        'the limit is 2.',
      );
    });
  });
});
