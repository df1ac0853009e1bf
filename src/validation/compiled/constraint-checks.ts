import {
  ARRAY_MAX_SIZE,
  ARRAY_MIN_SIZE,
  arrayMaxSize,
  arrayMinSize,
  IS_ARRAY,
  IS_BOOLEAN,
  IS_DATE_STRING,
  IS_DEFINED,
  IS_EMAIL,
  IS_ENUM,
  IS_IN,
  IS_INT,
  IS_ISO8601,
  IS_LENGTH,
  IS_NOT_EMPTY,
  IS_NUMBER,
  IS_OBJECT,
  IS_POSITIVE,
  IS_STRING,
  IS_URL,
  IS_UUID,
  type IsNumberOptions,
  type IsUUIDVersion,
  isDateString,
  isEmail,
  isEnum,
  isIn,
  isISO8601,
  isNumber,
  isObject,
  isURL,
  isUUID,
  length,
  MATCHES,
  MAX,
  MAX_LENGTH,
  MIN,
  MIN_LENGTH,
  matches,
  max,
  maxLength,
  min,
  minLength,
} from 'class-validator';
import { knownEmailVerdict } from './plain-email';
import { plainLengthWithin } from './plain-length';

/** A compiled class-validator rule over one value. */
export type ValueCheck = (value: unknown) => boolean;

/**
 * Builds the check of one rule from the constraints its decorator recorded. The constraints are
 * class-validator's metadata, typed `any[]` there; each builder reads them exactly as the
 * decorator's own `validate` does.
 */
type CheckBuilder = (constraints: readonly unknown[]) => ValueCheck;

// biome-ignore lint/suspicious/noExplicitAny: class-validator records the options untyped; each builder reads them as its decorator does.
type Recorded = any;

// The type checks are one expression in class-validator, written here the same way; every rule
// that reaches validator.js goes through class-validator's exported function with the decorator's
// constraints, so the rules, and their lazy loading in the layer, stay class-validator's.
const BUILDERS: ReadonlyMap<string, CheckBuilder> = new Map<string, CheckBuilder>([
  [IS_DEFINED, () => (value) => value !== undefined && value !== null],
  [IS_STRING, () => (value) => value instanceof String || typeof value === 'string'],
  [IS_INT, () => (value) => typeof value === 'number' && Number.isInteger(value)],
  [IS_BOOLEAN, () => (value) => value instanceof Boolean || typeof value === 'boolean'],
  [IS_ARRAY, () => (value) => Array.isArray(value)],
  [IS_POSITIVE, () => (value) => typeof value === 'number' && value > 0],
  [IS_NOT_EMPTY, () => (value) => value !== '' && value !== null && value !== undefined],
  [IS_OBJECT, () => (value) => isObject(value)],
  [
    IS_NUMBER,
    ([options]) =>
      (value) =>
        isNumber(value, options as IsNumberOptions),
  ],
  [
    IS_ENUM,
    ([entity]) =>
      (value) =>
        isEnum(value, entity),
  ],
  [
    IS_IN,
    ([values]) =>
      (value) =>
        isIn(value, values as readonly unknown[]),
  ],
  [
    IS_LENGTH,
    ([low, high]) =>
      (value) =>
        typeof value === 'string' &&
        (plainLengthWithin(value, low, high) ?? length(value, low as number, high as number)),
  ],
  [
    MIN_LENGTH,
    ([low]) =>
      (value) =>
        typeof value === 'string' &&
        (plainLengthWithin(value, low, undefined) ?? minLength(value, low as number)),
  ],
  [
    MAX_LENGTH,
    // validator.js counts a surrogate pair or a variation selector as one character, so its
    // length is never more than `value.length`: a string no longer than the limit passes without
    // the two regular expressions that count them. The comparison is validator.js's own, so a
    // limit that is not a number compares the same way in both.
    ([high]) =>
      (value) =>
        typeof value === 'string' &&
        (value.length <= (high as number) || maxLength(value, high as number)),
  ],
  [
    MIN,
    ([low]) =>
      (value) =>
        min(value, low as number),
  ],
  [
    MAX,
    ([high]) =>
      (value) =>
        max(value, high as number),
  ],
  [
    ARRAY_MIN_SIZE,
    ([low]) =>
      (value) =>
        arrayMinSize(value, low as number),
  ],
  [
    ARRAY_MAX_SIZE,
    ([high]) =>
      (value) =>
        arrayMaxSize(value, high as number),
  ],
  [
    IS_EMAIL,
    ([options]) =>
      options === undefined
        ? (value) =>
            typeof value === 'string'
              ? (knownEmailVerdict(value) ?? isEmail(value))
              : isEmail(value)
        : (value) => isEmail(value, options as Recorded),
  ],
  [
    IS_UUID,
    ([version]) =>
      (value) =>
        isUUID(value, version as IsUUIDVersion),
  ],
  [
    MATCHES,
    ([pattern, modifiers]) =>
      (value) =>
        typeof value === 'string' && matches(value, pattern as Recorded, modifiers as Recorded),
  ],
  [
    IS_ISO8601,
    ([options]) =>
      (value) =>
        isISO8601(value, options as Recorded),
  ],
  [
    IS_DATE_STRING,
    ([options]) =>
      (value) =>
        isDateString(value, options as Recorded),
  ],
  [
    IS_URL,
    ([options]) =>
      (value) =>
        typeof value === 'string' && isURL(value, options as Recorded),
  ],
]);

/**
 * The compiled check of the class-validator rule named `name`, or `undefined` for a rule this
 * compiler does not know (the DTO then stays with class-validator).
 *
 * @example
 * ```ts
 * const check = checkFor('isLength', [1, 100]);
 * check?.('Ada'); // true
 * ```
 */
export function checkFor(
  name: string,
  constraints: readonly unknown[] | undefined,
): ValueCheck | undefined {
  return BUILDERS.get(name)?.(constraints ?? []);
}
