import { CursorCodec, InvalidCursorError } from './cursor.ts';

const KEY = {
  pk: 'USER#0b7c5f1e-8a47-4c1b-9d7e-2f3a4b5c6d7e',
  gsi1pk: 'USER',
  gsi1sk: '2026-11-24T21:45:00.000Z#0b7c5f1e-8a47-4c1b-9d7e-2f3a4b5c6d7e',
};
const codec = new CursorCodec({ secret: 'test-secret', scope: 'users-a/by-created' });

/** Replaces the character at `index` with another base64url character. */
function flip(token: string, index: number): string {
  const replacement = token[index] === 'A' ? 'B' : 'A';
  return `${token.slice(0, index)}${replacement}${token.slice(index + 1)}`;
}

describe('CursorCodec', () => {
  it('decodes what it encoded', () => {
    // Act
    const decoded = codec.decode(codec.encode(KEY));

    // Assess
    expect(decoded).toEqual(KEY);
  });

  it('encodes to URL-safe characters only', () => {
    expect(codec.encode(KEY)).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  });

  it('keeps a __proto__ attribute as plain data', () => {
    // Prepare
    const token = codec.encode(JSON.parse('{"__proto__":"x","pk":"y"}'));

    // Act
    const decoded = codec.decode(token);

    // Assess
    expect(Object.keys(decoded).sort()).toEqual(['__proto__', 'pk']);
    expect(Object.getPrototypeOf(decoded)).toBeNull();
  });

  it('rejects every single-character change to the payload or the MAC', () => {
    // Prepare
    const token = codec.encode(KEY);
    const positions = [...token].map((_, index) => index).filter((index) => token[index] !== '.');

    // Act
    const accepted = positions.filter((index) => {
      try {
        codec.decode(flip(token, index));
        return true;
      } catch (error) {
        if (error instanceof InvalidCursorError) return false;
        throw error;
      }
    });

    // Assess
    expect(accepted).toEqual([]);
  });

  it.each([
    ['truncated by one character', (token: string) => token.slice(0, -1)],
    ['truncated to the payload', (token: string) => token.split('.')[0] ?? ''],
    ['with a character appended', (token: string) => `${token}A`],
    ['with padding appended', (token: string) => `${token}=`],
    ['with a third part', (token: string) => `${token}.AAAA`],
    ['with its parts swapped', (token: string) => token.split('.').reverse().join('.')],
  ])('rejects a cursor %s', (_label, alter) => {
    expect(() => codec.decode(alter(codec.encode(KEY)))).toThrow(InvalidCursorError);
  });

  it.each([
    ['empty', ''],
    ['garbage', 'garbage'],
    ['a dot only', '.'],
    ['not base64url', 'ab+/.cd=='],
    ['spaces', 'YWJj ZGVm.YWJj'],
    ['unsigned JSON', Buffer.from(JSON.stringify(KEY)).toString('base64url')],
    ['over 1024 characters', `${'A'.repeat(1100)}.AAAA`],
  ])('rejects a %s token', (_label, token) => {
    expect(() => codec.decode(token)).toThrow(InvalidCursorError);
  });

  it('rejects a valid-looking cursor of another table or index', () => {
    // Prepare
    const otherTable = new CursorCodec({ secret: 'test-secret', scope: 'users-b/by-created' });
    const otherIndex = new CursorCodec({ secret: 'test-secret', scope: 'users-a/by-email' });

    // Act
    const fromOtherTable = otherTable.encode(KEY);
    const fromOtherIndex = otherIndex.encode(KEY);

    // Assess
    expect(() => codec.decode(fromOtherTable)).toThrow(InvalidCursorError);
    expect(() => codec.decode(fromOtherIndex)).toThrow(InvalidCursorError);
  });

  it('rejects a cursor signed with another secret', () => {
    const forged = new CursorCodec({ secret: 'guessed', scope: 'users-a/by-created' }).encode(KEY);

    expect(() => codec.decode(forged)).toThrow(InvalidCursorError);
  });

  it('rejects a correctly signed payload that is not an object of strings', () => {
    // Prepare
    const numbers = codec.encode(JSON.parse('{"pk":1}'));
    const list = codec.encode(JSON.parse('["pk"]'));

    // Assess
    expect(() => codec.decode(numbers)).toThrow(/attribute "pk" is not a string/);
    expect(() => codec.decode(list)).toThrow(/not an object/);
  });
});
