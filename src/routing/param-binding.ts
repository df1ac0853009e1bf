import { RouteDefinitionError } from '../errors/config-errors';
import { controllerError } from '../errors/routes-origin';
import { isDtoClass, type ScalarType, scalarType } from '../metadata/design-types';
import type { ParamRecord } from '../metadata/records';

/** How one argument of a route method is produced from the request. */
export type ParamBinding =
  | { readonly kind: 'param'; readonly name: string; readonly type: ScalarType }
  | { readonly kind: 'query'; readonly name: string; readonly type: ScalarType | 'array' }
  | { readonly kind: 'query-all' }
  | { readonly kind: 'body-dto'; readonly dto: new () => object }
  | { readonly kind: 'body-text' }
  | { readonly kind: 'body-bytes' }
  | { readonly kind: 'headers'; readonly name: string | undefined }
  | { readonly kind: 'req' }
  | { readonly kind: 'state'; readonly key: { readonly name: string } | undefined }
  | { readonly kind: 'principal' }
  | { readonly kind: 'claims'; readonly name: string | undefined }
  /** A parameter without a decorator receives `undefined`. */
  | { readonly kind: 'none' };

function bodyBinding(record: ParamRecord, designType: unknown, where: string): ParamBinding {
  if (record.dto !== undefined) {
    if (typeof record.dto !== 'function') {
      const named = String(record.dto);
      throw controllerError(
        RouteDefinitionError,
        (at) => `@Body(${named}) on ${where}${at} must name a class.`,
      );
    }
    return { kind: 'body-dto', dto: record.dto };
  }
  if (designType === String) return { kind: 'body-text' };
  if (designType === Buffer || designType === Uint8Array) return { kind: 'body-bytes' };
  if (isDtoClass(designType)) return { kind: 'body-dto', dto: designType };
  const seen =
    designType === undefined
      ? 'no type metadata'
      : `the type ${(designType as { name?: string }).name ?? String(designType)}`;
  throw controllerError(
    RouteDefinitionError,
    (at) =>
      `@Body() on parameter ${record.index} of ${where}${at} has ${seen}, so its DTO class is ` +
      'unknown and the body could not be validated. Build with "emitDecoratorMetadata" (tsup ' +
      'needs @swc/core installed), import the DTO as a value (not "import type"), or name it: ' +
      '@Body(CreateUserDto).',
  );
}

/** Turns a parameter record into its binding, checking it against the route's path names. */
export function toParamBinding(
  record: ParamRecord,
  designType: unknown,
  pathNames: ReadonlySet<string>,
  where: string,
): ParamBinding {
  switch (record.kind) {
    case 'param': {
      if (record.name === undefined || !pathNames.has(record.name)) {
        const { name } = record;
        throw controllerError(
          RouteDefinitionError,
          (at) =>
            `@Param(${JSON.stringify(name)}) on ${where}${at} names no parameter of the route ` +
            `(it has ${[...pathNames].map((path) => `{${path}}`).join(', ') || 'none'}).`,
        );
      }
      return { kind: 'param', name: record.name, type: scalarType(designType) };
    }
    case 'query':
      if (record.name === undefined) return { kind: 'query-all' };
      return {
        kind: 'query',
        name: record.name,
        type: designType === Array ? 'array' : scalarType(designType),
      };
    case 'body':
      return bodyBinding(record, designType, where);
    case 'headers':
      return { kind: 'headers', name: record.name };
    case 'req':
      return { kind: 'req' };
    case 'state':
      return { kind: 'state', key: record.stateKey };
    case 'principal':
      return { kind: 'principal' };
    case 'claims':
      return { kind: 'claims', name: record.name };
    /* istanbul ignore next -- exhaustive: the type checker proves this unreachable */
    default:
      return record.kind satisfies never;
  }
}
