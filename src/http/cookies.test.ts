import { parseCookieHeader } from './cookies';

describe('parseCookieHeader', () => {
  it('C16: reads each name and value of a Cookie header', () => {
    expect({ ...parseCookieHeader('a=1; b=2;c=3') }).toEqual({ a: '1', b: '2', c: '3' });
  });

  it('reads no cookies from an absent header', () => {
    expect({ ...parseCookieHeader(undefined) }).toEqual({});
  });

  it('keeps the first value of a repeated name', () => {
    expect({ ...parseCookieHeader('id=first; id=second') }).toEqual({ id: 'first' });
  });

  it('keeps values as sent, without percent-decoding or dropping quotes', () => {
    expect({ ...parseCookieHeader('p=100%25; q="x y"; e=a=b') }).toEqual({
      p: '100%25',
      q: '"x y"',
      e: 'a=b',
    });
  });

  it('ignores pieces without "=" or without a name, and keeps empty values', () => {
    expect({ ...parseCookieHeader('flag; =orphan; ; empty=') }).toEqual({ empty: '' });
  });

  it('keeps __proto__ as an ordinary cookie name', () => {
    // Act
    const cookies = parseCookieHeader('__proto__=x; valueOf=y');
    // Assess
    expect(Object.getPrototypeOf(cookies)).toBeNull();
    expect(Object.entries(cookies)).toEqual([
      ['__proto__', 'x'],
      ['valueOf', 'y'],
    ]);
  });
});
