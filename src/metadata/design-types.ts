import 'reflect-metadata';

/**
 * The parameter types TypeScript emitted for a method (`design:paramtypes`), or `undefined` when
 * the build emitted no decorator metadata. The only place that reads `Reflect` metadata.
 */
export function getParamTypes(
  prototype: object,
  propertyKey: string | symbol,
): unknown[] | undefined {
  const types: unknown = Reflect.getMetadata('design:paramtypes', prototype, propertyKey);
  return Array.isArray(types) ? types : undefined;
}

/** How a scalar path or query value is converted. */
export type ScalarType = 'string' | 'number' | 'boolean';

/** The conversion a parameter's declared type asks for: `number`, `boolean`, else `string`. */
export function scalarType(designType: unknown): ScalarType {
  if (designType === Number) return 'number';
  if (designType === Boolean) return 'boolean';
  return 'string';
}

/**
 * Constructors TypeScript emits, or `@Type` names, for values that are not DTO classes: a body
 * or nested property of one of these types has no class-validator rules to apply.
 */
const NOT_A_DTO: readonly unknown[] = [
  Object,
  Array,
  Number,
  Boolean,
  String,
  Symbol,
  Promise,
  Function,
  Date,
  Map,
  Set,
];

/** Whether `value` is a class whose instances can be a DTO (validated by its decorators). */
export function isDtoClass(value: unknown): value is new () => object {
  return typeof value === 'function' && !NOT_A_DTO.includes(value);
}
