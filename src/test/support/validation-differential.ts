import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, type ValidatorOptions, validate } from 'class-validator';
import fc from 'fast-check';
import { compileValidator } from '../../validation/compiled/compile-validator';

/**
 * Runs per property: a few hundred in `npm test`, many more under `npm run bench -- --validators`.
 */
export const VALIDATOR_RUNS = Number(process.env['VALIDATOR_RUNS'] ?? 200);

/**
 * A comparable picture of a value: classes by name, own keys in their order, -0 apart from 0,
 * undefined apart from a missing key. Equal pictures mean the same instance or error tree.
 */
export function pictureOf(value: unknown, depth = 0): unknown {
  if (depth > 200) return '<too deep>';
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : value;
  if (value === undefined) return '<undefined>';
  if (typeof value === 'function') return `<function ${value.name}>`;
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    return { array: value.map((item: unknown) => pictureOf(item, depth + 1)) };
  }
  const cls = Object.getPrototypeOf(value)?.constructor?.name ?? '<null prototype>';
  return {
    cls,
    entries: Object.keys(value).map((key) => [
      key,
      pictureOf((value as Record<string, unknown>)[key], depth + 1),
    ]),
  };
}

/** What `plainToInstance` + `validate` answer, as a picture. */
export async function referenceOutcome(
  dto: new () => object,
  json: object,
  options: ValidatorOptions,
): Promise<unknown> {
  try {
    const instance = plainToInstance(dto, json);
    const errors = await validate(instance, options);
    return pictureOf(errors.length > 0 ? { errors } : { instance });
  } catch (error) {
    // class-transformer fails on some bodies (a nested `{"constructor": 1}`): that is its answer.
    return { threw: String(error) };
  }
}

/**
 * What the compiled validator answers, as a picture; `'not compiled'` when there is none. A body
 * it leaves to class-transformer is answered by the reference, as `validateBody` does.
 */
export async function compiledOutcome(
  dto: new () => object,
  json: object,
  options: ValidatorOptions,
): Promise<unknown> {
  const compiled = compileValidator(dto, options);
  if (compiled === undefined) return 'not compiled';
  try {
    const result = compiled(json);
    if (result === undefined) return referenceOutcome(dto, json, options);
    return pictureOf(result.errors === undefined ? { instance: result.instance } : result);
  } catch (error) {
    return { threw: String(error) };
  }
}

/**
 * Drops the validation records of a class made for one run: class-validator looks for inherited
 * rules across every class it knows, so thousands of generated classes would slow each run.
 */
export function forgetClass(cls: object): void {
  // A private member of class-validator's storage, reached by name in this test helper only.
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<unknown, unknown> };
  storage.validationMetadatas.delete(cls);
}

const EDGE_STRINGS = [
  '',
  ' ',
  'a',
  'Ada',
  '  Ada  ',
  'ada@example.com',
  'ADA@EXAMPLE.COM',
  'a@b',
  'a@b.c',
  'ada@exa_mple.com',
  'ada..lovelace@example.com',
  '"ada"@example.com',
  `${'a'.repeat(64)}@example.com`,
  `${'a'.repeat(65)}@example.com`,
  `ada@${'b'.repeat(63)}.com`,
  '550e8400-e29b-41d4-a716-446655440000',
  '550e8400-e29b-11d4-a716-446655440000',
  '550E8400-E29B-41D4-A716-446655440000',
  '550e8400-e29b-41d4-a716-44665544000',
  '00000000-0000-0000-0000-000000000000',
  '2024-01-01',
  '2024-02-30',
  '2024-01-01T10:00:00Z',
  '2024-01-01T10:00:00.123+02:00',
  '2024-13-01',
  'https://example.com/path?q=1',
  'http://localhost:3000',
  'ftp://example.com',
  'example.com',
  'https://',
  'javascript:alert(1)',
  'x'.repeat(99),
  'x'.repeat(100),
  'x'.repeat(101),
  'x'.repeat(254),
  'x'.repeat(255),
  'é',
  '💥',
  '💥'.repeat(50),
  'e\u0301',
  '\u0000',
  '$value',
  '$&',
  '$property $constraint1',
  'red',
  'green',
  'RED',
  '1',
  'true',
  'null',
  '__proto__',
  'constructor',
  'toString',
];

const EDGE_NUMBERS = [
  0,
  -0,
  1,
  -1,
  0.5,
  1.5,
  -1.5,
  0.1 + 0.2,
  2,
  5,
  10,
  100,
  101,
  254,
  255,
  2 ** 31,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 53),
  1e21,
  1e-7,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
];

/** Strings near the edges of the rules: lengths, emails, UUIDs, dates, URLs, tokens. */
export const edgeString = fc.oneof(
  fc.constantFrom(...EDGE_STRINGS),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.emailAddress(),
  fc.uuid(),
  fc.webUrl(),
);

/** JSON numbers: integers, fractions, -0, huge ones; no NaN or Infinity, which JSON lacks. */
export const jsonNumber = fc.oneof(
  fc.constantFrom(...EDGE_NUMBERS),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Keys an attacker or a careless client sends besides the DTO's own. */
export const EXTRA_KEYS = ['extra', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '0'];

/** JSON text of an object from key/value pairs, so that `__proto__` becomes an own key. */
function objectText(pairs: readonly (readonly [string, string])[]): string {
  return `{${pairs.map(([key, text]) => `${JSON.stringify(key)}:${text}`).join(',')}}`;
}

/** JSON texts of values built from `keys`: primitives, arrays, nested objects, garbage. */
export function jsonTextOf(keys: readonly string[]): fc.Arbitrary<string> {
  const key = fc.constantFrom(...keys, ...EXTRA_KEYS);
  const { value } = fc.letrec<{ value: string }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom('null', 'true', 'false'),
      edgeString.map((text) => JSON.stringify(text)),
      jsonNumber.map((number) => (Object.is(number, -0) ? '-0' : JSON.stringify(number))),
      fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
      fc.array(fc.tuple(key, tie('value')), { maxLength: 4 }).map(objectText),
    ),
  }));
  return value;
}

/** A parsed JSON object with some of `keys` (and extra ones) as members. */
export function jsonObjectOf(keys: readonly string[]): fc.Arbitrary<object> {
  const key = fc.constantFrom(...keys, ...EXTRA_KEYS);
  const member = fc.tuple(
    fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...keys) }, key),
    jsonTextOf(keys),
  );
  return fc.array(member, { maxLength: 6 }).map((pairs) => JSON.parse(objectText(pairs)) as object);
}
