import type { JsonSchema, JsonSchemaType } from '../metadata/json-schema';

/** What one class-validator constraint says about a value, in JSON Schema terms. */
export interface ConstraintSchema {
  /** The type the decorator checks (`IsString`, `IsInt`). */
  readonly type?: JsonSchemaType;
  /** The type its check needs: `Length` fails on anything but a string. */
  readonly implies?: JsonSchemaType;
  /** Keywords on the value (or on each item, with `each: true`). */
  readonly schema?: JsonSchema;
}

type Mapper = (constraints: readonly unknown[]) => ConstraintSchema | undefined;

function numberAt(constraints: readonly unknown[], index: number): number | undefined {
  const value = constraints[index];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Drops `undefined` members, which a JSON document must not carry. */
function defined(schema: Record<string, unknown>): JsonSchema {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) if (value !== undefined) out[key] = value;
  return out;
}

function stringFormat(format: string): Mapper {
  return () => ({ implies: 'string', schema: { format } });
}

function bound(keyword: 'minimum' | 'maximum', index = 0): Mapper {
  return (constraints) => {
    const value = numberAt(constraints, index);
    return value === undefined ? undefined : { implies: 'number', schema: { [keyword]: value } };
  };
}

/**
 * A pattern JSON Schema can state exactly: a flag-less `RegExp` or string. With flags (`/x/i`),
 * ECMA-262 patterns in JSON Schema have no way to say them, so none is documented.
 */
const matches: Mapper = ([pattern, modifiers]) => {
  if (pattern instanceof RegExp && pattern.flags === '') {
    return { implies: 'string', schema: { pattern: pattern.source } };
  }
  if (typeof pattern === 'string' && (modifiers === undefined || modifiers === '')) {
    return { implies: 'string', schema: { pattern } };
  }
  return { implies: 'string' };
};

/**
 * `IsEnum` accepts the enum object's values. class-validator 0.15 passes them as the second
 * constraint; older versions only pass the object, whose numeric enums map names back too.
 */
const isEnum: Mapper = ([entity, values]) => {
  if (Array.isArray(values)) return { schema: { enum: [...values] } };
  if (typeof entity !== 'object' || entity === null) return undefined;
  const names = Object.keys(entity).filter((key) => Number.isNaN(Number.parseInt(key, 10)));
  return { schema: { enum: names.map((name) => Reflect.get(entity, name)) } };
};

const MAPPERS: Readonly<Record<string, Mapper>> = {
  isString: () => ({ type: 'string' }),
  isInt: () => ({ type: 'integer' }),
  isNumber: () => ({ type: 'number' }),
  isBoolean: () => ({ type: 'boolean' }),
  isObject: () => ({ type: 'object' }),
  isNotEmptyObject: () => ({ type: 'object', schema: { minProperties: 1 } }),
  isArray: () => ({ type: 'array' }),
  // After `@Type(() => Date)` the JSON value is an ISO string that class-transformer parsed.
  isDate: () => ({ type: 'string', schema: { format: 'date-time' } }),
  isLength: (constraints) => ({
    implies: 'string',
    schema: defined({ minLength: numberAt(constraints, 0), maxLength: numberAt(constraints, 1) }),
  }),
  minLength: (constraints) => ({
    implies: 'string',
    schema: defined({ minLength: numberAt(constraints, 0) }),
  }),
  maxLength: (constraints) => ({
    implies: 'string',
    schema: defined({ maxLength: numberAt(constraints, 0) }),
  }),
  isEmail: stringFormat('email'),
  isUuid: stringFormat('uuid'),
  isUrl: stringFormat('uri'),
  isIso8601: stringFormat('date-time'),
  isDateString: stringFormat('date-time'),
  isIp: ([version]) =>
    String(version) === '4' || String(version) === '6'
      ? { implies: 'string', schema: { format: `ipv${String(version)}` } }
      : { implies: 'string' },
  matches,
  min: bound('minimum'),
  max: bound('maximum'),
  isPositive: () => ({ implies: 'number', schema: { exclusiveMinimum: 0 } }),
  isNegative: () => ({ implies: 'number', schema: { exclusiveMaximum: 0 } }),
  isDivisibleBy: (constraints) => {
    const divisor = numberAt(constraints, 0);
    return divisor === undefined || divisor <= 0
      ? { implies: 'number' }
      : { implies: 'number', schema: { multipleOf: divisor } };
  },
  isIn: ([values]) => (Array.isArray(values) ? { schema: { enum: [...values] } } : undefined),
  isEnum,
  equals: ([value]) => ({ schema: { const: value } }),
  notEquals: ([value]) => ({ schema: { not: { const: value } } }),
  // Also rejects null and undefined, which required-ness already covers.
  isNotEmpty: () => ({ schema: { not: { const: '' } } }),
  arrayMinSize: (constraints) => ({
    implies: 'array',
    schema: defined({ minItems: numberAt(constraints, 0) }),
  }),
  arrayMaxSize: (constraints) => ({
    implies: 'array',
    schema: defined({ maxItems: numberAt(constraints, 0) }),
  }),
  arrayNotEmpty: () => ({ implies: 'array', schema: { minItems: 1 } }),
  arrayUnique: () => ({ implies: 'array', schema: { uniqueItems: true } }),
};

/**
 * The JSON Schema for one class-validator constraint, by the `name` class-validator records
 * (`isString`, `isLength`, ...). `undefined` for constraints JSON Schema cannot state (custom
 * validators, `IsAlpha` and the like): the document is then looser than the validator.
 */
export function constraintSchema(
  name: string | undefined,
  constraints: readonly unknown[] | undefined,
): ConstraintSchema | undefined {
  if (name === undefined || !Object.hasOwn(MAPPERS, name)) return undefined;
  return MAPPERS[name]?.(constraints ?? []);
}
