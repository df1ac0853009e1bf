import type {
  AccessRecord,
  ControllerRecord,
  DocRecord,
  GuardRecord,
  ParamRecord,
  RouteRecord,
  SerializeRecord,
  UseRecord,
} from './records';

const STORE_KEY = Symbol.for('lambda-controllers.metadata');

/**
 * Decorator records keyed by class object. Decorators only append here; `buildRouteTable` reads
 * and checks the records once per container.
 */
export class MetadataStore {
  readonly #controllers = new Map<object, ControllerRecord>();

  #recordOf(target: object): ControllerRecord {
    let record = this.#controllers.get(target);
    if (record === undefined) {
      record = {
        routes: [],
        params: [],
        httpCodes: new Map(),
        docs: [],
        uses: [],
        guards: [],
        access: [],
        serialize: [],
      };
      this.#controllers.set(target, record);
    }
    return record;
  }

  addRoute(controller: object, route: RouteRecord): void {
    this.#recordOf(controller).routes.push(route);
  }

  addParam(controller: object, param: ParamRecord): void {
    this.#recordOf(controller).params.push(param);
  }

  setHttpCode(controller: object, propertyKey: string | symbol, status: number): void {
    this.#recordOf(controller).httpCodes.set(propertyKey, status);
  }

  addDoc(controller: object, doc: DocRecord): void {
    this.#recordOf(controller).docs.push(doc);
  }

  /** Stacked decorators run bottom to top: prepending keeps the order they are written in. */
  addUse(controller: object, use: UseRecord): void {
    this.#recordOf(controller).uses.unshift(use);
  }

  /** Prepended for the same reason as `addUse`. */
  addGuards(controller: object, guards: GuardRecord): void {
    this.#recordOf(controller).guards.unshift(guards);
  }

  addAccess(controller: object, access: AccessRecord): void {
    this.#recordOf(controller).access.push(access);
  }

  addSerialize(controller: object, serialize: SerializeRecord): void {
    this.#recordOf(controller).serialize.push(serialize);
  }

  /** The records written for exactly this class (not its ancestors). */
  get(controller: object): ControllerRecord | undefined {
    return this.#controllers.get(controller);
  }
}

type GlobalWithStore = typeof globalThis & { [STORE_KEY]?: MetadataStore };

/**
 * The process-wide store. It lives on `globalThis` under a registered symbol so that even a stray
 * second copy of this package shares it instead of splitting the records.
 */
export function getMetadataStore(): MetadataStore {
  const holder = globalThis as GlobalWithStore;
  holder[STORE_KEY] ??= new MetadataStore();
  return holder[STORE_KEY];
}

/**
 * A controller class and its ancestors, nearest first: the classes whose decorator records apply
 * to it (inherited routes, documentation on a base class).
 */
export function classChainOf(controller: unknown): object[] {
  const chain: object[] = [];
  for (
    let current: unknown = controller;
    typeof current === 'function' && current !== Function.prototype;
    current = Object.getPrototypeOf(current)
  ) {
    chain.push(current);
  }
  return chain;
}
