import fc from 'fast-check';
import isLength from 'validator/lib/isLength';
import { plainLengthWithin } from './plain-length';

/** ASCII, a BMP letter, a surrogate pair, lone surrogates and both variation selectors. */
const unit = fc.constantFrom('a', ' ', 'é', '☕', '😀', '\uD83D', '\uDE00', '\uFE0E', '\uFE0F');
const text = fc.array(unit, { maxLength: 12 }).map((units) => units.join(''));
const bound = fc.oneof(
  fc.integer({ min: -1, max: 14 }),
  fc.constantFrom(undefined, null, 0, Number.NaN, '3'),
);

describe('plainLengthWithin', () => {
  it('gives validator.js’s answer whenever it answers', () => {
    fc.assert(
      fc.property(text, bound, bound, (value, min, max) => {
        const plain = plainLengthWithin(value, min, max);
        const options = { min, max } as unknown as { min?: number; max?: number };
        if (plain !== undefined) expect(plain).toBe(isLength(value, options));
      }),
      { numRuns: 2000 },
    );
  });

  it('answers for strings without surrogates or variation selectors, and only for them', () => {
    expect(plainLengthWithin('Ada Lovelace', 1, 100)).toBe(true);
    expect(plainLengthWithin('', 1, 100)).toBe(false);
    expect(plainLengthWithin('café ☕', 0, 5)).toBe(false);
    expect(plainLengthWithin('😀', 1, 1)).toBeUndefined();
    expect(plainLengthWithin('a\uFE0F', 1, 1)).toBeUndefined();
  });
});
