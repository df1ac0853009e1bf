import { FunctionError, FunctionProcess, type FunctionProcessOptions } from './function-process';
import { type DeclaredRoutes, readRouteKeys } from './read-route-keys';
import { RouteKeys } from './route-keys';
import { type InvokeOutcome, WorkerPool } from './worker-pool';
import type { StreamSink } from './worker-protocol';

export interface FunctionHostOptions {
  readonly function: FunctionProcessOptions;
  /** Most warm workers at once. */
  readonly maxWorkers: number;
  /** Build the routes' OpenAPI document too (`--openapi`). */
  readonly openapi: boolean;
  /** Told when a replacement worker started in the background fails to initialize. */
  readonly onBackgroundError: (message: string) => void;
}

/**
 * A function in the local stack: its warm workers and the routes its controllers declare, both
 * replaced together when the code changes.
 */
export class FunctionHost {
  readonly #settings: FunctionProcessOptions;
  readonly #withOpenApi: boolean;
  readonly #pool: WorkerPool;
  #routes = new RouteKeys([]);
  #openapi: DeclaredRoutes['openapi'] = { error: 'the function declares no routes' };

  constructor(options: FunctionHostOptions) {
    this.#settings = options.function;
    this.#withOpenApi = options.openapi;
    this.#pool = new WorkerPool({
      startWorker: () => FunctionProcess.start(options.function),
      maxWorkers: options.maxWorkers,
      onBackgroundError: options.onBackgroundError,
    });
  }

  /** The declared routes of the code the host runs now. */
  get routes(): RouteKeys {
    return this.#routes;
  }

  /** The OpenAPI document of the code the host runs now, or why there is none. */
  get openapi(): DeclaredRoutes['openapi'] {
    return this.#openapi;
  }

  /**
   * Starts the first worker and reads the routes.
   *
   * @returns The init error, when the function failed to initialize (requests then get 502).
   */
  async start(): Promise<unknown> {
    const [keys, warmed] = await Promise.allSettled([this.#readRouteKeys(), this.#pool.warm()]);
    if (keys.status === 'rejected') throw keys.reason;
    this.#declare(keys.value);
    return warmed.status === 'rejected' ? warmed.reason : undefined;
  }

  /** Replaces the workers and routes with the current code; rejects with its init error. */
  async reload(): Promise<void> {
    const [keys] = await Promise.all([this.#readRouteKeys(), this.#pool.reload()]);
    this.#declare(keys);
  }

  invoke(event: unknown, awsRequestId: string, sink?: StreamSink): Promise<InvokeOutcome> {
    return this.#pool.invoke(event, awsRequestId, sink);
  }

  stop(): Promise<void> {
    return this.#pool.stop();
  }

  #declare(declared: DeclaredRoutes): void {
    this.#routes = new RouteKeys(declared.routes);
    this.#openapi = declared.openapi;
  }

  // A function without routes.js (it ships its own main.handler) declares no routes, and every
  // request goes to $default; when routes.js is broken, the init error is the one worth showing.
  #readRouteKeys(): Promise<DeclaredRoutes> {
    return readRouteKeys(this.#settings, { openapi: this.#withOpenApi }).catch((error: unknown) => {
      if (!(error instanceof FunctionError)) throw error;
      return { routes: [], openapi: { error: error.message } };
    });
  }
}
