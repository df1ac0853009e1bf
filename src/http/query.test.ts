import { parseQueryString, queryFromMaps } from './query';

describe('parseQueryString', () => {
  it('C13: keeps repeated keys as an array in order and a %2C inside one value', () => {
    expect({ ...parseQueryString('a=1&b=x%2Cy&a=2&a=3') }).toEqual({
      a: ['1', '2', '3'],
      b: 'x,y',
    });
  });

  it('C14: reads + as a space and %2B as a plus', () => {
    expect({ ...parseQueryString('q=a+b&r=a%2Bb') }).toEqual({ q: 'a b', r: 'a+b' });
  });

  it('C15: reads ?flag and flag= as empty strings', () => {
    expect({ ...parseQueryString('?flag&other=') }).toEqual({ flag: '', other: '' });
  });

  it.each(['', '?', '&&'])('C15: reads %j as no parameters', (raw) => {
    expect({ ...parseQueryString(raw) }).toEqual({});
  });

  it('C15: keeps a malformed escape as sent', () => {
    expect({ ...parseQueryString('bad=%E0%A4%A&pct=100%') }).toEqual({
      bad: '%E0%A4%A',
      pct: '100%',
    });
  });

  it('splits each pair at its first "=" and decodes keys too', () => {
    expect({ ...parseQueryString('k%5B0%5D=a=b') }).toEqual({ 'k[0]': 'a=b' });
  });

  it('keeps __proto__ as an ordinary key', () => {
    // Act
    const query = parseQueryString('__proto__=x&constructor=y');
    // Assess
    expect(Object.getPrototypeOf(query)).toBeNull();
    expect(Object.entries(query)).toEqual([
      ['__proto__', 'x'],
      ['constructor', 'y'],
    ]);
  });
});

describe('queryFromMaps', () => {
  it('C25: never decodes maps API Gateway has already decoded', () => {
    // Act
    const query = queryFromMaps(
      { t: ['1', '2'], p: ['100%'], e: ['a%20b'] },
      { t: '2', p: '100%', e: 'a%20b' },
      'decoded',
    );
    // Assess
    expect({ ...query }).toEqual({ t: ['1', '2'], p: '100%', e: 'a%20b' });
  });

  it('C31: decodes keys and values of load balancer maps once', () => {
    // Act
    const query = queryFromMaps(null, { 'k%5B0%5D': 'a%20b+c', pct: '100%2525' }, 'encoded');
    // Assess
    expect({ ...query }).toEqual({ 'k[0]': 'a b c', pct: '100%25' });
  });

  it('fills keys that only the single-value map has', () => {
    expect({ ...queryFromMaps({ a: ['1'] }, { a: '1', b: '2' }, 'decoded') }).toEqual({
      a: '1',
      b: '2',
    });
  });

  it('C6: reads null and absent maps as empty and skips values of the wrong type', () => {
    expect({ ...queryFromMaps(null, undefined, 'encoded') }).toEqual({});
    expect({ ...queryFromMaps({ a: 'x', b: [1, 'y'], c: [] }, { d: 4 }, 'decoded') }).toEqual({
      b: 'y',
    });
  });
});
