import type { SerializeSettings } from '../metadata/records';
import { CircularBodyError } from './circular-body-error';
import { emittedKeys } from './emitted-keys';
import { knownInstanceToJson } from './known-classes';

type Strategy = SerializeSettings['strategy'];

/**
 * A value JSON.stringify sends as it is and class-transformer must not rewrite: one with its own
 * `toJSON` (a `Date`, a `Buffer`, a decimal type) or a typed array. The `toJSON` a known class is
 * given (see `known-classes.ts`) does not count: its instances are instances like any other.
 */
export function isJsonLeaf(value: object): boolean {
  const toJSON: unknown = (value as { toJSON?: unknown }).toJSON;
  return (
    (typeof toJSON === 'function' && toJSON !== knownInstanceToJson) || ArrayBuffer.isView(value)
  );
}

/** An object literal or a null-prototype object: data, not a class instance. */
export function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** The keys of `value` the walk follows: every own key of plain data, what an instance sends. */
function keysOf(value: object, strategy: Strategy): readonly string[] {
  return isPlainObject(value) ? Object.keys(value) : emittedKeys(value, strategy);
}

/**
 * The path from the body to where its cycle closes, rebuilt from the chain of objects the walk
 * stood in: finding each link's key costs nothing until there is an error to report.
 */
function pathOf(chain: readonly object[], strategy: Strategy): string {
  let path = '$';
  for (let index = 1; index < chain.length; index++) {
    const parent = chain[index - 1] as object;
    const child = chain[index];
    if (Array.isArray(parent)) {
      path += `[${parent.indexOf(child)}]`;
    } else {
      path += `.${keysOf(parent, strategy).find((key) => Reflect.get(parent, key) === child)}`;
    }
  }
  return path;
}

/** Whether `value` or anything below it is a class instance; `ancestors` holds the path to it. */
function visit(value: object, ancestors: object[], strategy: Strategy): boolean {
  if (ancestors.includes(value)) {
    throw new CircularBodyError(pathOf([...ancestors, value], strategy));
  }
  ancestors.push(value);
  let found = false;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype === Object.prototype || prototype === null) {
    // `for...in` over an object literal reads V8's enumeration cache; Object.keys would allocate.
    for (const key in value) {
      const item: unknown = (value as Record<string, unknown>)[key];
      if (typeof item === 'object' && item !== null && !isJsonLeaf(item)) {
        found = visit(item, ancestors, strategy) || found;
      }
    }
  } else if (Array.isArray(value)) {
    for (const item of value) {
      if (typeof item === 'object' && item !== null && !isJsonLeaf(item)) {
        found = visit(item, ancestors, strategy) || found;
      }
    }
  } else {
    // An instance is walked too, through what it would send: class-transformer recurses without
    // end on a cycle.
    found = true;
    for (const key of emittedKeys(value, strategy)) {
      const item: unknown = Reflect.get(value, key);
      if (typeof item === 'object' && item !== null && !isJsonLeaf(item)) {
        visit(item, ancestors, strategy);
      }
    }
  }
  ancestors.pop();
  return found;
}

/**
 * Whether a class instance sits anywhere in a body (so class-transformer has work to do), and
 * no cycle among what would be sent. Only bodies that must be walked come here (see
 * `body-json.ts`): the ancestors of each value are kept in hand to name where a cycle closes.
 *
 * @param strategy - The strategy instances are serialized with: under `excludeAll` only their
 * exposed properties are walked.
 * @throws CircularBodyError when an object contains itself, however deep.
 */
export function holdsInstances(body: unknown, strategy?: Strategy): boolean {
  if (typeof body !== 'object' || body === null || isJsonLeaf(body)) return false;
  return visit(body, [], strategy);
}
