/**
 * An everyday address: dot-, plus-, dash- or underscore-separated letters and digits, `@`, then
 * host labels of letters, digits and inner dashes, and an alphabetic top-level domain. Every
 * string it matches within the lengths below passes validator.js's `isEmail` with its default
 * options, step by step: one `@`; a local part of at most 64 bytes whose dot-separated parts use
 * only characters of `emailUserUtf8Part`, unquoted; a domain `isFQDN` accepts (at least two
 * labels of at most 63 characters, none starting or ending with a dash, no underscore, an
 * alphabetic top-level domain of two or more letters). No `i` flag: without the `u` flag it would
 * still match ASCII only, but spelled out there is nothing to reason about.
 */
export const PLAIN_EMAIL =
  /^[A-Za-z0-9]+(?:[._+-][A-Za-z0-9]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

/** validator.js's limit on a whole address and on its local part. */
const MAX_ADDRESS = 254;
const MAX_LOCAL_PART = 64;

/**
 * What validator.js's `isEmail` with its default options says of `value`, where that is known
 * without calling it:
 * - `true` for an everyday address ({@link PLAIN_EMAIL}) within the lengths;
 * - `false` for a string longer than 254 characters, which `isEmail` refuses first, and for one
 *   without `@`: `isEmail` splits at `@`, so the local part is empty, its local-part pattern
 *   needs one character or more, and no step before that can accept;
 * - `undefined` for anything else, which the caller asks of `isEmail`, the authority on every
 *   address this does not know.
 *
 * `isEmail` costs about fifteen times this, most of it in re-encoding both halves of the address
 * to count their UTF-8 bytes.
 */
export function knownEmailVerdict(value: string): boolean | undefined {
  if (value.length > MAX_ADDRESS) return false;
  const at = value.indexOf('@');
  if (at === -1) return false;
  return at <= MAX_LOCAL_PART && PLAIN_EMAIL.test(value) ? true : undefined;
}
