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
