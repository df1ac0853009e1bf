import { BadRequestError } from '../errors/http-error';
import { coerceValue } from './coerce';

describe('coerceValue', () => {
  it.each([
    ['42', 42],
    ['-1.5', -1.5],
    ['+3', 3],
    ['.5', 0.5],
    ['1e3', 1000],
  ])('C65: turns %j into the number %p', (raw, expected) => {
    expect(coerceValue(raw, 'number', 'path', 'id')).toBe(expected);
  });

  it.each(['', ' ', 'abc', 'NaN', 'Infinity', '-Infinity', '0x1f', '1,5', '12abc', '1e999'])(
    'C65: answers 400 naming the parameter for the number %j',
    (raw) => {
      expect(() => coerceValue(raw, 'number', 'path', 'id')).toThrow(
        new BadRequestError(`Path parameter "id" must be a number; got ${JSON.stringify(raw)}.`),
      );
    },
  );

  it.each([
    ['true', true],
    ['TRUE', true],
    ['1', true],
    ['false', false],
    ['False', false],
    ['0', false],
  ])('C66: turns %j into the boolean %p', (raw, expected) => {
    expect(coerceValue(raw, 'boolean', 'query', 'flag')).toBe(expected);
  });

  it.each(['yes', '', '2', 'on'])('C66: answers 400 for the boolean %j', (raw) => {
    expect(() => coerceValue(raw, 'boolean', 'query', 'flag')).toThrow(
      'Query parameter "flag" must be true, false, 1 or 0',
    );
  });

  it('C67: gives an array for a parameter declared as one, whether sent once or more', () => {
    expect(coerceValue('a', 'array', 'query', 'tags')).toEqual(['a']);
    expect(coerceValue(['a', 'b'], 'array', 'query', 'tags')).toEqual(['a', 'b']);
  });

  it('C67: answers 400 when a scalar parameter arrives more than once', () => {
    expect(() => coerceValue(['1', '2'], 'number', 'query', 'limit')).toThrow(
      'Query parameter "limit" must be given once; got ["1","2"].',
    );
  });

  it('keeps absent values absent and strings as they are', () => {
    expect(coerceValue(undefined, 'number', 'query', 'limit')).toBeUndefined();
    expect(coerceValue('x y', 'string', 'query', 'q')).toBe('x y');
  });

  it('puts the failure under errors["<location>.<name>"]', () => {
    try {
      coerceValue('abc', 'number', 'query', 'limit');
      throw new Error('coerceValue accepted "abc"');
    } catch (error) {
      expect(error).toBeInstanceOf(BadRequestError);
      expect((error as BadRequestError).extensions).toEqual({
        errors: { 'query.limit': ['must be a number'] },
      });
    }
  });
});
