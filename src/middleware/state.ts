declare const valueType: unique symbol;

/**
 * A typed key for per-request state, made by `createStateKey`. Two keys are the same key only
 * when they are the same object, whatever their names.
 *
 * @example
 * ```ts
 * const TenantKey: StateKey<string> = createStateKey<string>('tenant');
 * ```
 */
export interface StateKey<T> {
  /** For error messages and debugging only. */
  readonly name: string;
  /** Carries `T` for the type checker; never present at run time. */
  readonly [valueType]?: T;
}

/**
 * Creates a key for a value middleware stores in `ctx.state` and a method reads with
 * `@State(key)`.
 *
 * @param name - A name for messages; it does not make the key unique, the object does.
 * @returns A new key.
 * @example
 * ```ts
 * const StartedAt = createStateKey<number>('startedAt');
 * const timing: Middleware = async (ctx, next) => {
 *   ctx.state.set(StartedAt, Date.now());
 *   return next();
 * };
 * ```
 */
export function createStateKey<T>(name: string): StateKey<T> {
  return Object.freeze({ name });
}

/**
 * Values stored for one request by middleware, keyed by `StateKey`. A new one is made for each
 * request, so nothing in it outlives the request or reaches another one.
 *
 * @example
 * ```ts
 * const user = ctx.state.get(UserKey);
 * ```
 */
export interface RequestState {
  /** The value stored under `key`, or `undefined`. */
  get<T>(key: StateKey<T>): T | undefined;
  /** Stores `value` under `key` for the rest of this request. */
  set<T>(key: StateKey<T>, value: T): void;
  /** Whether something was stored under `key`, even `undefined`. */
  has(key: StateKey<unknown>): boolean;
}

/** The `RequestState` of one request: a map keyed by the key objects. */
export class RequestStateMap implements RequestState {
  readonly #values = new Map<StateKey<unknown>, unknown>();

  get<T>(key: StateKey<T>): T | undefined {
    // Only `set` writes the map, and it takes a value of the key's own type.
    return this.#values.get(key) as T | undefined;
  }

  set<T>(key: StateKey<T>, value: T): void {
    this.#values.set(key, value);
  }

  has(key: StateKey<unknown>): boolean {
    return this.#values.has(key);
  }
}
