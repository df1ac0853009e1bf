import fc from 'fast-check';
import {
  decodeBody,
  encodeBase64,
  escapePath,
  tryDecode,
  tryDecodeFormComponent,
} from './encoding';

describe('tryDecode', () => {
  it.each([
    ['plain', 'plain'],
    ['a%20b', 'a b'],
    ['caf%C3%A9', 'café'],
    ['a%2Fb', 'a/b'],
    ['a+b', 'a+b'],
  ])('decodes %s to %s', (text, expected) => {
    expect(tryDecode(text)).toBe(expected);
  });

  it.each([
    ['C15: an escape cut short', '%E0%A4%A', '%E0%A4%A'],
    ['a lone percent sign', '100%', '100%'],
    ['a percent sign before non-hex', '%zz%4', '%zz%4'],
    ['a byte that starts no UTF-8 character', '%FF', '%FF'],
    ['an overlong encoding', '%C0%AF', '%C0%AF'],
    ['an encoded surrogate', '%ED%A0%80', '%ED%A0%80'],
    ['valid escapes around an invalid one', 'caf%C3%A9%FFx%41', 'café%FFxA'],
    ['a four-byte character next to an invalid byte', '%F0%9F%98%80%80', '😀%80'],
  ])('keeps %s as text', (_label, text, expected) => {
    expect(tryDecode(text)).toBe(expected);
  });
});

describe('tryDecodeFormComponent', () => {
  it('C14: reads + as a space and %2B as a plus', () => {
    expect(tryDecodeFormComponent('a+b%2Bc')).toBe('a b+c');
  });
});

describe('escapePath', () => {
  it('returns a path with only safe characters unchanged', () => {
    expect(escapePath("/users/a-b_c.d~e/!$&'()*+,;=:@")).toBe("/users/a-b_c.d~e/!$&'()*+,;=:@");
  });

  it('encodes %, spaces, ? # and non-ASCII characters as UTF-8 escapes', () => {
    expect(escapePath('/a b/%41/?#/é')).toBe('/a%20b/%2541/%3F%23/%C3%A9');
  });

  it('turns a lone surrogate into U+FFFD instead of throwing', () => {
    expect(escapePath('/\uD800')).toBe('/%EF%BF%BD');
  });

  it('round-trips through tryDecode per segment', () => {
    // Prepare
    const decoded = '/files/%zz 100%/ü?';
    // Act
    const segments = escapePath(decoded).split('/').map(tryDecode);
    // Assess
    expect(segments.join('/')).toBe(decoded);
  });
});

describe('decodeBody', () => {
  it('C18: decodes a base64 body to the exact bytes', () => {
    expect(decodeBody('H4v/AA==', true)).toEqual(Buffer.from([0x1f, 0x8b, 0xff, 0x00]));
  });

  it('C28: reads a body not flagged as base64 as UTF-8 text', () => {
    expect(decodeBody('H4v/AA==', false)?.toString('utf8')).toBe('H4v/AA==');
  });

  it.each([
    ['an empty string', '', false],
    ['null', null, false],
    ['a number', 42, false],
    ['base64 without any byte', '!!', true],
  ])('C6/C39: reads %s as no body', (_label, body, isBase64Encoded) => {
    expect(decodeBody(body, isBase64Encoded)).toBeUndefined();
  });
});

describe('encodeBase64', () => {
  it('encodes only the viewed bytes of a Uint8Array', () => {
    // Prepare
    const bytes = Uint8Array.of(0, 0x1f, 0x8b, 0xff, 0x00, 9).subarray(1, 5);
    // Act & Assess
    expect(encodeBase64(bytes)).toBe('H4v/AA==');
  });
});

/**
 * What tryDecode must give, written the slow way: at each escape, the shortest run of up to four
 * escapes that decodeURIComponent accepts, else the escape kept as text.
 */
function referenceDecode(text: string): string {
  let decoded = '';
  let index = 0;
  const isEscape = (at: number) => /^%[0-9a-fA-F]{2}$/.test(text.slice(at, at + 3));
  while (index < text.length) {
    if (!isEscape(index)) {
      decoded += text.charAt(index);
      index += 1;
      continue;
    }
    let length = 0;
    for (let count = 1; count <= 4 && isEscape(index + (count - 1) * 3); count += 1) {
      try {
        decoded += decodeURIComponent(text.slice(index, index + count * 3));
        length = count * 3;
        break;
      } catch (error) {
        if (!(error instanceof URIError)) throw error;
      }
    }
    if (length === 0) decoded += text.slice(index, index + 3);
    index += length === 0 ? 3 : length;
  }
  return decoded;
}

describe('tryDecode against a slow reference', () => {
  const anyEscape = fc
    .integer({ min: 0, max: 255 })
    .chain((byte) =>
      fc.constantFrom(
        `%${byte.toString(16).padStart(2, '0')}`,
        `%${byte.toString(16).padStart(2, '0').toUpperCase()}`,
      ),
    );
  const piece = fc.oneof(
    anyEscape,
    anyEscape,
    fc.constantFrom(
      '%',
      '%4',
      '%zz',
      'a',
      '/',
      '+',
      'é',
      '😀',
      '%C3%A9',
      '%F0%9F%98%80',
      '%ED%A0%80',
    ),
  );

  it('agrees on any mix of escapes, bad escapes and text', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(tryDecode(text)).toBe(referenceDecode(text));
      }),
      { numRuns: 2_000 },
    );
  });

  it('agrees with decodeURIComponent wherever that succeeds', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (raw) => {
        const text = encodeURIComponent(raw.replace(/[\uD800-\uDFFF]/g, ''));
        expect(tryDecode(text)).toBe(decodeURIComponent(text));
      }),
    );
  });

  it('keeps a long run of bad escapes as text', () => {
    const text = '%C3'.repeat(100_000);
    expect(tryDecode(text)).toBe(text);
  });
});
