import { messageOf } from '../errors/message-of';
import { FunctionError, FunctionTimeoutError } from './function-process';
import type { InvokeContext, RuntimeError, StreamSink } from './worker-protocol';

/** What the pool needs of a worker; `FunctionProcess` is one. */
export interface PooledWorker {
  readonly exited: boolean;
  invoke(event: unknown, overrides: Partial<InvokeContext>, sink?: StreamSink): Promise<unknown>;
  stop(): Promise<void>;
}

/** How one invocation ended. The pool never rejects: every failure is one of these. */
export type InvokeOutcome =
  | { readonly kind: 'result'; readonly payload: unknown }
  | { readonly kind: 'function-error'; readonly error: RuntimeError }
  | { readonly kind: 'timeout'; readonly message: string }
  | { readonly kind: 'crash'; readonly message: string }
  | { readonly kind: 'init-error'; readonly message: string };

export interface WorkerPoolOptions {
  /** Starts a worker with the function's current code; rejects with its init error. */
  readonly startWorker: () => Promise<PooledWorker>;
  /** Most workers alive at once, like a function's reserved concurrency. */
  readonly maxWorkers: number;
  /** Told when a replacement worker started in the background fails to initialize. */
  readonly onBackgroundError?: (message: string) => void;
}

/** The pool is stopping; requests still waiting for a worker are turned away. */
export class PoolStoppedError extends Error {
  constructor() {
    super('The local server is stopping.');
    this.name = 'PoolStoppedError';
  }
}

interface Member {
  readonly worker: PooledWorker;
  /** The code version it runs; `reload()` makes older members retire. */
  readonly generation: number;
}

interface Waiter {
  resolve(member: Member): void;
  reject(error: unknown): void;
}

function outcomeOf(error: unknown): InvokeOutcome {
  if (error instanceof FunctionError) return { kind: 'function-error', error: error.runtimeError };
  if (error instanceof FunctionTimeoutError) return { kind: 'timeout', message: error.message };
  return { kind: 'crash', message: messageOf(error) };
}

/**
 * Warm workers of one function, used the way Lambda uses execution environments: each serves one
 * invocation at a time; a request takes an idle one or starts a new one (a cold start) up to
 * `maxWorkers`, and waits otherwise. A worker that timed out or crashed is dropped and, when it
 * was the last one, replaced at once so the function stays warm.
 */
export class WorkerPool {
  readonly #options: WorkerPoolOptions;
  readonly #idle: Member[] = [];
  readonly #waiting: Waiter[] = [];
  readonly #members = new Set<Member>();
  /** Workers alive or starting. */
  #size = 0;
  #generation = 0;
  #stopped = false;

  constructor(options: WorkerPoolOptions) {
    this.#options = options;
  }

  /** Workers alive or starting. */
  get size(): number {
    return this.#size;
  }

  /** Starts one worker ahead of the first request; rejects with its init error. */
  async warm(): Promise<void> {
    this.#release(await this.#launch());
  }

  /** Runs one invocation on a worker of its own; a streaming function's bytes go to `sink`. */
  async invoke(event: unknown, awsRequestId: string, sink?: StreamSink): Promise<InvokeOutcome> {
    let member: Member;
    try {
      member = await this.#acquire();
    } catch (error) {
      return { kind: 'init-error', message: messageOf(error) };
    }
    try {
      return { kind: 'result', payload: await member.worker.invoke(event, { awsRequestId }, sink) };
    } catch (error) {
      return outcomeOf(error);
    } finally {
      this.#release(member);
    }
  }

  /**
   * Retires every worker running the previous code (idle ones now, busy ones when they finish)
   * and starts one with the current code; rejects with its init error.
   */
  async reload(): Promise<void> {
    this.#generation += 1;
    await Promise.all(this.#idle.splice(0).map((member) => this.#discard(member)));
    await this.warm();
  }

  /** Stops every worker and turns away requests still waiting for one. */
  async stop(): Promise<void> {
    this.#stopped = true;
    for (const waiter of this.#waiting.splice(0)) waiter.reject(new PoolStoppedError());
    this.#idle.length = 0;
    await Promise.all([...this.#members].map((member) => this.#discard(member)));
  }

  async #acquire(): Promise<Member> {
    if (this.#stopped) throw new PoolStoppedError();
    for (let member = this.#idle.pop(); member !== undefined; member = this.#idle.pop()) {
      if (this.#usable(member)) return member;
      void this.#discard(member);
    }
    if (this.#size < this.#options.maxWorkers) return this.#launch();
    return new Promise((resolve, reject) => this.#waiting.push({ resolve, reject }));
  }

  async #launch(): Promise<Member> {
    this.#size += 1;
    const generation = this.#generation;
    let worker: PooledWorker;
    try {
      worker = await this.#options.startWorker();
    } catch (error) {
      this.#size -= 1;
      this.#serveWaiting();
      throw error;
    }
    const member = { worker, generation };
    this.#members.add(member);
    if (this.#stopped) {
      await this.#discard(member);
      throw new PoolStoppedError();
    }
    return member;
  }

  #usable(member: Member): boolean {
    return !this.#stopped && !member.worker.exited && member.generation === this.#generation;
  }

  #release(member: Member): void {
    if (!this.#usable(member)) {
      void this.#discard(member);
      this.#serveWaiting();
      this.#keepWarm();
      return;
    }
    const waiter = this.#waiting.shift();
    if (waiter === undefined) this.#idle.push(member);
    else waiter.resolve(member);
  }

  /** Starts a worker for the longest-waiting request when there is room for one. */
  #serveWaiting(): void {
    if (this.#stopped || this.#size >= this.#options.maxWorkers) return;
    const waiter = this.#waiting.shift();
    if (waiter !== undefined) this.#launch().then(waiter.resolve, waiter.reject);
  }

  /** Replaces the last worker after a timeout or crash, as Lambda starts a fresh environment. */
  #keepWarm(): void {
    if (this.#stopped || this.#size > 0) return;
    this.#launch().then(
      (member) => this.#release(member),
      (error: unknown) => {
        if (!(error instanceof PoolStoppedError))
          this.#options.onBackgroundError?.(messageOf(error));
      },
    );
  }

  async #discard(member: Member): Promise<void> {
    if (!this.#members.delete(member)) return;
    this.#size -= 1;
    try {
      await member.worker.stop();
    } catch (error) {
      // Nobody awaits a retiring worker; its failure to stop is reported, not thrown into the void.
      this.#options.onBackgroundError?.(`stopping a worker failed: ${messageOf(error)}`);
    }
  }
}
