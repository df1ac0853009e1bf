/**
 * What validator.js's `isLength` counts otherwise than `String.length`: surrogates (a pair is one
 * character) and the variation selectors U+FE0E and U+FE0F (one after another character adds
 * nothing).
 */
const COUNTED_APART = /[\uD800-\uDFFF]|\uFE0E|\uFE0F/;

/**
 * `isLength(value, { min, max })` of validator.js for a string that holds none of the characters
 * its two regular expressions count: its length is then `value.length`, compared as validator.js
 * compares it (a falsy `min` is 0, an undefined `max` no bound).
 *
 * @returns undefined for any other string, which the caller gives to validator.js.
 */
export function plainLengthWithin(value: string, min: unknown, max: unknown): boolean | undefined {
  if (COUNTED_APART.test(value)) return undefined;
  const length = value.length;
  return length >= ((min || 0) as number) && (max === undefined || length <= (max as number));
}
