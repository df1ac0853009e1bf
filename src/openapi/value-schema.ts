import type { JsonSchema, JsonSchemaType } from '../metadata/json-schema';
import type { ConstraintSchema } from './constraint-schemas';

const LOWER_BOUNDS = [
  'minLength',
  'minimum',
  'exclusiveMinimum',
  'minItems',
  'minProperties',
] as const;
const UPPER_BOUNDS = ['maxLength', 'maximum', 'exclusiveMaximum', 'maxItems'] as const;

/** Both schemas' keywords at once: the tighter bound wins, enums intersect, the rest is `b`'s. */
export function mergeKeywords(a: JsonSchema, b: JsonSchema): JsonSchema {
  const out: JsonSchema = { ...a, ...b };
  for (const key of LOWER_BOUNDS) {
    const [x, y] = [a[key], b[key]];
    if (x !== undefined && y !== undefined) out[key] = Math.max(x, y);
  }
  for (const key of UPPER_BOUNDS) {
    const [x, y] = [a[key], b[key]];
    if (x !== undefined && y !== undefined) out[key] = Math.min(x, y);
  }
  if (a.enum !== undefined && b.enum !== undefined) {
    const other = b.enum;
    out.enum = a.enum.filter((value) => other.includes(value));
  }
  return out;
}

/**
 * The schema of one value (a property, or each item of an array property), gathered constraint
 * by constraint: the types decorators assert, the types their checks imply, and keywords.
 */
export class ValueSchema {
  readonly #types: JsonSchemaType[] = [];
  readonly #implied: JsonSchemaType[] = [];
  #keywords: JsonSchema = {};
  #ref: string | undefined;

  add(constraint: ConstraintSchema): void {
    if (constraint.type !== undefined) this.#types.push(constraint.type);
    if (constraint.implies !== undefined) this.#implied.push(constraint.implies);
    if (constraint.schema !== undefined)
      this.#keywords = mergeKeywords(this.#keywords, constraint.schema);
  }

  /** The value is a nested DTO: `$ref` to its component. */
  refer(ref: string): void {
    this.#ref = ref;
  }

  isArray(): boolean {
    return this.#type() === 'array';
  }

  /** The value's schema, or `undefined` when no constraint said anything about it. */
  build(): JsonSchema | undefined {
    const type = this.#type();
    if (type === undefined && this.#ref === undefined && Object.keys(this.#keywords).length === 0) {
      return undefined;
    }
    const schema: JsonSchema =
      type === undefined ? { ...this.#keywords } : { type, ...this.#keywords };
    // `IsNotEmpty` on a string reads better, and validates the same, as `minLength: 1`.
    if (type === 'string' && schema.not !== undefined && isEmptyStringConst(schema.not)) {
      delete schema.not;
      schema.minLength = Math.max(schema.minLength ?? 0, 1);
    }
    if (this.#ref !== undefined) schema.$ref = this.#ref;
    return schema;
  }

  #type(): JsonSchemaType | undefined {
    if (this.#types.includes('integer')) return 'integer';
    return this.#types[0] ?? this.#implied[0];
  }
}

function isEmptyStringConst(schema: JsonSchema): boolean {
  return Object.keys(schema).length === 1 && schema.const === '';
}

/** `schema`, also accepting `null`: what `IsOptional` allows besides a missing property. */
export function withNull(schema: JsonSchema): JsonSchema {
  if (schema.$ref !== undefined || Object.hasOwn(schema, 'const') || schema.anyOf !== undefined) {
    return { anyOf: [schema, { type: 'null' }] };
  }
  const out: JsonSchema = { ...schema };
  if (typeof out.type === 'string') out.type = [out.type, 'null'];
  if (out.enum !== undefined && !out.enum.includes(null)) out.enum = [...out.enum, null];
  return out;
}
