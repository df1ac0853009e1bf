import type { ValidatorOptions } from 'class-validator';
import type { SerializeSettings } from '../metadata/records';
import type { RouteDefinition } from './route-table';

/** What a handler serves: its routes, and the settings its routes bind requests with. */
export interface ServedRoutes {
  readonly routes: readonly RouteDefinition[];
  /** The class-validator options bodies are validated with, defaults merged in. */
  readonly validator: ValidatorOptions;
  /** The largest request body accepted. */
  readonly maxBodyBytes: number;
  /** The handler's default serialize settings, which routes' own settings override. */
  readonly serialize?: SerializeSettings | undefined;
}

// Keyed by the handler function itself: the OpenAPI builder describes exactly the table a
// handler built, and a handler that is garbage collected takes its entry with it.
const served = new WeakMap<object, ServedRoutes>();

/** Records what `handler` serves; called once, when the handler is created. */
export function recordServedRoutes(handler: object, routes: ServedRoutes): void {
  served.set(handler, routes);
}

/** What `handler` serves, or `undefined` when `createHandler` did not make it. */
export function servedRoutesOf(handler: unknown): ServedRoutes | undefined {
  return typeof handler === 'function' ? served.get(handler) : undefined;
}
