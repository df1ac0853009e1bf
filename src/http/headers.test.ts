import { normalizeHeaders, separatorOf } from './headers';

describe('normalizeHeaders', () => {
  it('C6: reads null and absent maps as empty', () => {
    expect({ ...normalizeHeaders(null, undefined) }).toEqual({});
  });

  it('C26: lower-cases names and merges two spellings of one name', () => {
    expect({
      ...normalizeHeaders({ 'Content-Type': 'a', 'X-Custom': '1', 'x-custom': '2' }, null),
    }).toEqual({
      'content-type': 'a',
      'x-custom': '1, 2',
    });
  });

  it('C33: joins list headers with ", " and cookies with "; "', () => {
    // Act
    const headers = normalizeHeaders(null, {
      'X-Forwarded-For': ['1.1.1.1', '2.2.2.2'],
      Cookie: ['a=1', 'b=2'],
    });
    // Assess
    expect({ ...headers }).toEqual({ 'x-forwarded-for': '1.1.1.1, 2.2.2.2', cookie: 'a=1; b=2' });
  });

  it('reads each value once when both maps carry it, filling names only the single map has', () => {
    // Act
    const headers = normalizeHeaders({ Accept: 'b', Host: 'h' }, { Accept: ['a', 'b'] });
    // Assess
    expect({ ...headers }).toEqual({ accept: 'a, b', host: 'h' });
  });

  it('ignores values that are not strings', () => {
    // Act
    const headers = normalizeHeaders(
      { a: 1, b: null, c: 'ok' },
      { d: 'not-a-list', e: [1, 'x', null], f: [] },
    );
    // Assess
    expect({ ...headers }).toEqual({ c: 'ok', e: 'x' });
  });

  it('keeps names such as __proto__ and constructor as plain entries', () => {
    // Act
    const headers = normalizeHeaders(JSON.parse('{"__proto__":"p","constructor":"c"}'), null);
    // Assess
    expect(Object.getPrototypeOf(headers)).toBeNull();
    expect(Object.entries(headers)).toEqual([
      ['__proto__', 'p'],
      ['constructor', 'c'],
    ]);
  });
});

describe('separatorOf', () => {
  it.each([
    ['cookie', '; '],
    ['accept', ', '],
  ])('joins repeated %s values with "%s"', (name, separator) => {
    expect(separatorOf(name)).toBe(separator);
  });
});
