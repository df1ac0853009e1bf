import {
  TransformationType,
  type TransformFnParams,
  type TypeHelpOptions,
} from 'class-transformer';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';

/** Any class, as the metadata storages key them. */
export type AnyClass = abstract new (...args: never) => unknown;

/** What class-transformer does to one property of a class when it turns plain JSON into it. */
export interface PropertyTransformMetadata {
  /** The `@Type` function, called per transformation as class-transformer calls it. */
  readonly typeFunction: ((options: TypeHelpOptions) => unknown) | undefined;
  /** `design:type` of the property: class-transformer builds an array value with it. */
  readonly reflectedType: unknown;
  /** The `@Transform` functions that apply to plain-to-class, in class-transformer's order. */
  readonly transforms: readonly ((params: TransformFnParams) => unknown)[];
}

// The maps class-transformer's storage keeps per class; private in its typings, so read through
// this narrow view. Only their keys (and the class chain) are read here: the records come from
// the storage's own finders.
interface StorageMaps {
  readonly _typeMetadatas: Map<unknown, Map<string, unknown>>;
  readonly _transformMetadatas: Map<unknown, Map<string, unknown>>;
  readonly _exposeMetadatas: Map<unknown, unknown>;
  readonly _excludeMetadatas: Map<unknown, unknown>;
  getAncestors(target: AnyClass): AnyClass[];
}

// Types class-transformer converts values to instead of building instances, or builds maps and
// sets with: a class typed with one of them stays with class-transformer itself.
const CONVERTED_TYPES: ReadonlySet<unknown> = new Set([
  String,
  Number,
  Boolean,
  Date,
  Buffer,
  Map,
  Set,
  Promise,
  Array,
  Object,
]);

/**
 * class-transformer's plain-to-class metadata for the properties of `cls` and its ancestors, or
 * `undefined` when the class uses something the compiled path does not reproduce: `@Expose` or
 * `@Exclude` anywhere in its chain, a `@Type` with a discriminator, or an array property typed as
 * a map or a set.
 *
 * @example
 * ```ts
 * const metadata = readTransformerMetadata(OrderDto);
 * metadata?.get('lines')?.typeFunction; // () => LineDto
 * ```
 */
export function readTransformerMetadata(
  cls: AnyClass,
): ReadonlyMap<string, PropertyTransformMetadata> | undefined {
  const storage = defaultMetadataStorage;
  // Private members of the storage's class, reached by name: see StorageMaps.
  const maps = storage as unknown as StorageMaps;
  const chain = [cls, ...maps.getAncestors(cls)];
  if (chain.some((c) => maps._exposeMetadatas.has(c) || maps._excludeMetadatas.has(c)))
    return undefined;
  const names = new Set<string>();
  for (const c of chain) {
    for (const name of maps._typeMetadatas.get(c)?.keys() ?? []) names.add(name);
    for (const name of maps._transformMetadatas.get(c)?.keys() ?? []) names.add(name);
  }
  const properties = new Map<string, PropertyTransformMetadata>();
  for (const name of names) {
    const type = storage.findTypeMetadata(cls, name);
    if (type?.options?.discriminator !== undefined) return undefined;
    const reflected: unknown = type?.reflectedType;
    if (reflected === Map || reflected === Set) return undefined;
    const transforms = storage
      .findTransformMetadatas(cls, name, TransformationType.PLAIN_TO_CLASS)
      // Without groups in the options, class-transformer drops the grouped transforms.
      .filter((metadata) => !metadata.options?.groups?.length)
      .map((metadata) => metadata.transformFn);
    properties.set(name, {
      typeFunction: type?.typeFunction,
      reflectedType: reflected,
      transforms,
    });
  }
  return properties;
}

/** Whether class-transformer would build an instance of `type` rather than convert to it. */
export function isInstantiableType(type: unknown): type is new () => object {
  return typeof type === 'function' && !CONVERTED_TYPES.has(type);
}
