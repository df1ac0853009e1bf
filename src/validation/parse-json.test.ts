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
});
