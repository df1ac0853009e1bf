import { type ClassTransformOptions, instanceToPlain } from 'class-transformer';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';

/**
 * The settings of the response being written, while `JSON.stringify` runs over its body; no
 * response is being written when undefined. `JSON.stringify` is synchronous and calls no other
 * request's code, so one slot serves every invocation in flight.
 */
let writing: ClassTransformOptions | undefined;

/**
 * The `toJSON` of every class class-transformer knows: while a response is written, an instance
 * goes through `instanceToPlain` with that response's settings; anywhere else `JSON.stringify`
 * sends it as it would without this method, so a class behaves the same outside responses.
 */
export function knownInstanceToJson(this: object): unknown {
  return writing === undefined ? this : instanceToPlain(this, writing);
}

/**
 * Runs `JSON.stringify(body)` with `settings` applied to every instance of a known class in it.
 *
 * @throws whatever `JSON.stringify` or class-transformer throws (a cycle, a `BigInt`).
 */
export function stringifyWriting(
  body: unknown,
  settings: ClassTransformOptions,
): string | undefined {
  const outer = writing;
  writing = settings;
  try {
    return JSON.stringify(body);
  } finally {
    writing = outer;
  }
}

/** The maps class-transformer's storage keeps per class; not part of its typed interface. */
interface StorageMaps {
  readonly _typeMetadatas: ReadonlyMap<unknown, unknown>;
  readonly _transformMetadatas: ReadonlyMap<unknown, unknown>;
  readonly _exposeMetadatas: ReadonlyMap<unknown, unknown>;
  readonly _excludeMetadatas: ReadonlyMap<unknown, unknown>;
}

/**
 * class-transformer's four maps, or undefined if its storage is not shaped as expected (another
 * version): then no class is prepared and every body is walked, as before classes had a `toJSON`.
 */
const maps = storageMaps(defaultMetadataStorage as unknown as Partial<StorageMaps>);

function storageMaps(
  storage: Partial<StorageMaps>,
): readonly ReadonlyMap<unknown, unknown>[] | undefined {
  const found = [
    storage._excludeMetadatas,
    storage._exposeMetadatas,
    storage._transformMetadatas,
    storage._typeMetadatas,
  ];
  return found.every((map) => map instanceof Map)
    ? (found as ReadonlyMap<unknown, unknown>[])
    : undefined;
}

/** How many classes the storage held when the known classes were last given their `toJSON`. */
let seen = -1;
/** Whether every known class has {@link knownInstanceToJson}, or one refused it (frozen). */
let everyClassReady = true;

/** Gives `prototype` our `toJSON` unless its chain has one already (ours, or the class's own). */
function prepare(prototype: unknown): void {
  if (typeof prototype !== 'object' || prototype === null) return;
  if (typeof (prototype as { toJSON?: unknown }).toJSON === 'function') return;
  if (!Object.isExtensible(prototype)) {
    everyClassReady = false;
    return;
  }
  Object.defineProperty(prototype, 'toJSON', {
    value: knownInstanceToJson,
    writable: true,
    configurable: true,
    enumerable: false,
  });
}

/**
 * Makes sure every class with class-transformer metadata (`@Exclude`, `@Expose`, `@Transform`,
 * `@Type`, on it or a base class) serializes through {@link knownInstanceToJson}, so a body with
 * no such instance is sent by `JSON.stringify` alone, with nothing walked. Cheap when nothing
 * changed (four sizes are read); a class decorated since, say in a module required late, is
 * prepared before the next response is written.
 *
 * @returns false when a class could not be prepared (its prototype is frozen): bodies must then
 * be walked for instances.
 */
export function prepareKnownClasses(): boolean {
  if (maps === undefined) return false;
  let now = 0;
  for (const map of maps) now += map.size;
  if (now === seen) return everyClassReady;
  for (const map of maps) {
    for (const target of map.keys()) {
      if (typeof target === 'function') prepare((target as { prototype?: unknown }).prototype);
    }
  }
  seen = now;
  return everyClassReady;
}
