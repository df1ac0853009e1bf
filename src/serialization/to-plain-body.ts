import { type ClassTransformOptions, instanceToPlain } from 'class-transformer';
import type { SerializeSettings } from '../metadata/records';
import { isJsonLeaf, isPlainObject } from './holds-instances';

/**
 * class-transformer's options for settings: the route's over the handler's, setting by setting.
 */
export function transformOptionsOf(
  route: SerializeSettings | undefined,
  defaults: SerializeSettings | undefined,
): ClassTransformOptions {
  const groups = route?.groups ?? defaults?.groups;
  const strategy = route?.strategy ?? defaults?.strategy;
  return {
    ...(groups === undefined ? {} : { groups: [...groups] }),
    ...(strategy === undefined ? {} : { strategy }),
  };
}

/**
 * `body` as plain data: every class instance, at any depth, through `instanceToPlain`; the plain
 * objects and arrays around them copied as they are. Handing the whole body to class-transformer
 * instead would apply an `excludeAll` strategy to the plain wrappers too, emptying them.
 * The body must be free of cycles (`holdsInstances` checked it).
 */
export function toPlainBody(body: unknown, options: ClassTransformOptions): unknown {
  if (typeof body !== 'object' || body === null || isJsonLeaf(body)) return body;
  if (Array.isArray(body)) return body.map((item: unknown) => toPlainBody(item, options));
  if (!isPlainObject(body)) return instanceToPlain(body, options);
  // Null prototype: a `__proto__` key of the data stays a key instead of setting the prototype.
  const plain: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(body)) plain[key] = toPlainBody(Reflect.get(body, key), options);
  return plain;
}
