import { type ClassTransformOptions, TransformationType } from 'class-transformer';
import {
  isInstantiableType,
  type PropertyTransformMetadata,
  readTransformerMetadata,
} from './transformer-metadata';

/** Thrown inside a compiled transformation when a body needs class-transformer itself. */
export class LeaveCompiledPath extends Error {
  override readonly name = 'LeaveCompiledPath';
}

/** One class's plain-to-instance step, as `plainToInstance(cls, plain)` performs it. */
export interface InstanceTransform {
  readonly cls: new () => object;
  run(plain: object, call: TransformCall): object;
}

/** The state one `plainToInstance` call shares across its levels. */
export interface TransformCall {
  /** The options object class-transformer hands to `@Transform` functions, made on first need. */
  options: ClassTransformOptions | undefined;
}

interface PropertyStep {
  readonly metadata: PropertyTransformMetadata;
  /** The class `@Type` named when the step was compiled; another one at run time leaves. */
  readonly expected: unknown;
  readonly nested: InstanceTransform | undefined;
}

// class-transformer's defaults, which it spreads into a fresh options object per call and passes
// to every `@Transform` function; the package does not export them from its entry point.
function defaultTransformOptions(): ClassTransformOptions {
  const options: Record<keyof ClassTransformOptions, unknown> = {
    enableCircularCheck: false,
    enableImplicitConversion: false,
    excludeExtraneousValues: false,
    excludePrefixes: undefined,
    exposeDefaultValues: false,
    exposeUnsetFields: true,
    groups: undefined,
    ignoreDecorators: false,
    strategy: undefined,
    targetMaps: undefined,
    version: undefined,
  };
  // The keys set to undefined are kept, as in class-transformer's object.
  return options as ClassTransformOptions;
}

/**
 * Keys class-transformer skips on the object it builds: the prototype's own data properties and
 * getters without setters (methods, `constructor`), besides `__proto__` and `constructor`.
 */
function skippedKeys(prototype: object): ReadonlySet<string> {
  const keys = new Set<string>(['__proto__', 'constructor']);
  for (const key of Object.getOwnPropertyNames(prototype)) {
    const descriptor = Object.getOwnPropertyDescriptor(prototype, key);
    if (descriptor !== undefined && descriptor.set === undefined) keys.add(key);
  }
  return keys;
}

const PLAIN_SKIPPED = skippedKeys(Object.prototype);

interface Pushable {
  push(item: unknown): unknown;
}

// class-transformer builds an array value with the property's `design:type` when what that makes
// can push (a set would be filled with `add`: such a body leaves the compiled path).
function newArray(arrayType: unknown): Pushable {
  if (arrayType === Array || typeof arrayType !== 'function') return [];
  const made: object = Reflect.construct(arrayType, []);
  if (made instanceof Set) throw new LeaveCompiledPath('the array property is typed as a set');
  return 'push' in made ? (made as Pushable) : [];
}

function transformValue(
  value: unknown,
  nested: InstanceTransform | undefined,
  arrayType: unknown,
  call: TransformCall,
): unknown {
  if (Array.isArray(value)) {
    const array = newArray(arrayType);
    for (const item of value) array.push(transformValue(item, nested, undefined, call));
    return array;
  }
  if (typeof value !== 'object' || value === null) return value;
  return nested === undefined ? copyPlain(value, call) : nested.run(value, call);
}

/** An object without `@Type`: class-transformer copies it into a plain object, key by key. */
function copyPlain(plain: object, call: TransformCall): Record<string, unknown> {
  // class-transformer takes a truthy `constructor` member other than Object for the class to
  // build and fails on it (a JSON `{"constructor": 1}`): class-transformer itself answers those.
  const made: unknown = (plain as { constructor: unknown }).constructor;
  if (made !== Object && made) {
    throw new LeaveCompiledPath('an object with a constructor member');
  }
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(plain)) {
    // Keys are unique, so only Object.prototype's members can already be there.
    if (PLAIN_SKIPPED.has(key)) continue;
    copy[key] = transformValue((plain as Record<string, unknown>)[key], undefined, undefined, call);
  }
  return copy;
}

/**
 * Compiles `plainToInstance(cls, plain)` for `cls`, or returns `undefined` when its
 * class-transformer metadata (or that of a class its `@Type`s name) is not reproduced. `compiled`
 * holds the classes already compiled, so recursive DTOs compile once.
 *
 * @example
 * ```ts
 * const transform = compileTransform(OrderDto, new Map());
 * const order = transform?.run({ customer: 'c-1' }, { options: undefined });
 * ```
 */
export function compileTransform(
  cls: new () => object,
  compiled: Map<unknown, InstanceTransform | undefined>,
): InstanceTransform | undefined {
  if (compiled.has(cls)) return compiled.get(cls);
  const metadata = readTransformerMetadata(cls);
  if (metadata === undefined) {
    compiled.set(cls, undefined);
    return undefined;
  }
  const steps = new Map<string, PropertyStep>();
  const skipped = skippedKeys(cls.prototype);
  const transform: InstanceTransform = {
    cls,
    run(plain, call) {
      const instance: Record<string, unknown> = new cls() as Record<string, unknown>;
      if (instance['constructor'] !== cls)
        throw new LeaveCompiledPath('the constructor returned another object');
      for (const key of Object.keys(plain)) {
        if (key === '__proto__' || key === 'constructor') continue;
        const subValue = (plain as Record<string, unknown>)[key];
        const step = steps.get(key);
        if (step?.metadata.typeFunction !== undefined) {
          const type = step.metadata.typeFunction({
            newObject: instance,
            object: plain,
            property: key,
          });
          if (type !== step.expected) throw new LeaveCompiledPath('@Type named another class');
        }
        if (skipped.has(key) || instance[key] instanceof Function) continue;
        let value = transformValue(
          subValue,
          step?.nested,
          Array.isArray(subValue) ? step?.metadata.reflectedType : undefined,
          call,
        );
        if (step !== undefined && step.metadata.transforms.length > 0) {
          call.options ??= defaultTransformOptions();
          for (const fn of step.metadata.transforms) {
            value = fn({
              value,
              key,
              obj: plain,
              type: TransformationType.PLAIN_TO_CLASS,
              options: call.options,
            });
          }
        }
        instance[key] = value;
      }
      return instance;
    },
  };
  compiled.set(cls, transform);
  for (const [name, property] of metadata) {
    let expected: unknown;
    let nested: InstanceTransform | undefined;
    if (property.typeFunction !== undefined) {
      const type = resolveType(property, name);
      if (!isInstantiableType(type)) return fail(cls, compiled);
      nested = compileTransform(type, compiled);
      if (nested === undefined) return fail(cls, compiled);
      expected = type;
    }
    steps.set(name, { metadata: property, expected, nested });
  }
  return transform;
}

function fail(cls: unknown, compiled: Map<unknown, InstanceTransform | undefined>): undefined {
  compiled.set(cls, undefined);
  return undefined;
}

/**
 * The class a `@Type` function names, asked once while compiling. A function that needs a real
 * object to answer (it throws on the empty one given here) keeps the DTO with class-transformer:
 * the error is the answer "not compilable", not a failure.
 */
function resolveType(property: PropertyTransformMetadata, name: string): unknown {
  try {
    return property.typeFunction?.({ newObject: {}, object: {}, property: name });
  } catch {
    // Not a failure: the answer is "not compilable", and class-transformer will call it for real.
    return undefined;
  }
}
