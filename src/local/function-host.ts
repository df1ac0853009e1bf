import { FunctionError, FunctionProcess, type FunctionProcessOptions } from './function-process';
import { readRouteKeys } from './read-route-keys';
import { RouteKeys } from './route-keys';
import { type InvokeOutcome, WorkerPool } from './worker-pool';
import type { RouteKey } from './worker-protocol';

export interface FunctionHostOptions {
  readonly function: FunctionProcessOptions;
  /** Most warm workers at once. */
  readonly maxWorkers: number;
  /** Told when a replacement worker started in the background fails to initialize. */
  readonly onBackgroundError: (message: string) => void;
}

/**
 * A function in the local stack: its warm workers and the routes its controllers declare, both
 * replaced together when the code changes.
 */
export class FunctionHost {
  readonly #settings: FunctionProcessOptions;
  readonly #pool: WorkerPool;
  #routes = new RouteKeys([]);

  constructor(options: FunctionHostOptions) {
    this.#settings = options.function;
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

  /**
   * Starts the first worker and reads the routes.
   *
   * @returns The init error, when the function failed to initialize (requests then get 502).
   */
  async start(): Promise<unknown> {
    const [keys, warmed] = await Promise.allSettled([this.#readRouteKeys(), this.#pool.warm()]);
    if (keys.status === 'rejected') throw keys.reason;
    this.#routes = new RouteKeys(keys.value);
    return warmed.status === 'rejected' ? warmed.reason : undefined;
  }

  /** Replaces the workers and routes with the current code; rejects with its init error. */
  async reload(): Promise<void> {
    const [keys] = await Promise.all([this.#readRouteKeys(), this.#pool.reload()]);
    this.#routes = new RouteKeys(keys);
  }

  invoke(event: unknown, awsRequestId: string): Promise<InvokeOutcome> {
    return this.#pool.invoke(event, awsRequestId);
  }

  stop(): Promise<void> {
    return this.#pool.stop();
  }

  // A function without routes.js (it ships its own main.handler) declares no routes, and every
  // request goes to $default; when routes.js is broken, the init error is the one worth showing.
  #readRouteKeys(): Promise<readonly RouteKey[]> {
    return readRouteKeys(this.#settings).catch((error: unknown) => {
      if (!(error instanceof FunctionError)) throw error;
      return [];
    });
  }
}
