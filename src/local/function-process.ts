import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import {
  DEFAULT_LAYER_MODULES,
  DEFAULT_MEMORY_MB,
  DEFAULT_TIMEOUT_MS,
  type FunctionSettings,
  LOCAL_DIST,
  launchInTaskRoot,
} from './task-root';
import type { InvokeContext, RuntimeError, StreamSink, WorkerMessage } from './worker-protocol';

export { DEFAULT_LAYER_MODULES };

/** Where `npm run build` leaves the worker entry. */
export const DEFAULT_WORKER = join(LOCAL_DIST, 'worker.js');

/** Lines of function output kept for an init error's message. */
const KEPT_LINES = 100;

export interface FunctionProcessOptions extends FunctionSettings {
  /** Receives each line the function writes to stdout or stderr, as CloudWatch would. */
  readonly onOutput?: (line: string) => void;
}

/** The function failed: an init error, or an error the handler threw or rejected with. */
export class FunctionError extends Error {
  constructor(readonly runtimeError: RuntimeError) {
    super(`${runtimeError.errorType}: ${runtimeError.errorMessage}`);
    this.name = 'FunctionError';
  }
}

/** The worker process ended while an invocation was under way. */
export class WorkerExitedError extends Error {
  constructor(code: number | null, signal: string | null) {
    super(`The function's process exited (code ${code}, signal ${signal}).`);
    this.name = 'WorkerExitedError';
  }
}

/** The invocation ran past the function's timeout; the process was ended, as Lambda does. */
export class FunctionTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    // Lambda's own wording, so logs read the same locally and in CloudWatch.
    super(`Task timed out after ${(timeoutMs / 1000).toFixed(2)} seconds`);
    this.name = 'FunctionTimeoutError';
  }
}

interface Pending {
  resolve(payload: unknown): void;
  reject(error: Error): void;
  readonly sink?: StreamSink | undefined;
}

/**
 * One warm Lambda "container": a child Node process that loads the handler the way the Node.js
 * runtime does (NODE_PATH at the layer, LAMBDA_TASK_ROOT at a copy of the function) and serves
 * invocations. Each invocation is bounded by the function's timeout; when it runs out, the
 * process is killed and the invocation rejects with {@link FunctionTimeoutError}.
 */
export class FunctionProcess {
  readonly #child: ChildProcess;
  readonly #taskRoot: string;
  readonly #options: FunctionProcessOptions;
  readonly #pending = new Map<number, Pending>();
  readonly #output: string[] = [];
  #nextId = 1;
  #exited = false;
  /** Killed after a timeout: no longer usable, though its exit may not have been seen yet. */
  #killed = false;

  private constructor(child: ChildProcess, taskRoot: string, options: FunctionProcessOptions) {
    this.#child = child;
    this.#taskRoot = taskRoot;
    this.#options = options;
    for (const stream of [child.stdout, child.stderr]) {
      if (stream !== null)
        createInterface({ input: stream }).on('line', (line) => this.#keep(line));
    }
    child.on('message', (message: WorkerMessage) => this.#onMessage(message));
    // Without a listener, a failed spawn or kill would throw in the parent.
    child.on('error', (error) => this.#keep(`${error.name}: ${error.message}`));
    child.on('exit', (code, signal) => {
      this.#exited = true;
      for (const pending of this.#pending.values())
        pending.reject(new WorkerExitedError(code, signal));
      this.#pending.clear();
    });
  }

  /** Starts the process and waits until the handler is loaded; rejects with the init error. */
  static async start(options: FunctionProcessOptions): Promise<FunctionProcess> {
    const { child, taskRoot } = launchInTaskRoot(DEFAULT_WORKER, options);
    const fn = new FunctionProcess(child, taskRoot, options);
    await new Promise<void>((ready, fail) => {
      child.once('message', (message: WorkerMessage) => {
        if (message.type === 'ready') ready();
        else if (message.type === 'init-error') fail(new FunctionError(message.error));
      });
      child.once('exit', (code, signal) => fail(new WorkerExitedError(code, signal)));
      child.once('error', fail);
    }).catch(async (error: unknown) => {
      await fn.stop();
      throw error instanceof Error
        ? new Error(`${error.message}\n${fn.output().join('\n')}`.trimEnd(), { cause: error })
        : error;
    });
    return fn;
  }

  /** Whether the process has ended or is being ended (crashed, timed out, or stopped). */
  get exited(): boolean {
    return this.#exited || this.#killed;
  }

  #keep(line: string): void {
    this.#output.push(line);
    if (this.#output.length > KEPT_LINES) this.#output.shift();
    this.#options.onOutput?.(line);
  }

  #onMessage(message: WorkerMessage): void {
    if (message.type === 'chunk') {
      const sink = this.#pending.get(message.id)?.sink;
      sink?.onChunk(message.contentType, Buffer.from(message.data, 'base64'));
      return;
    }
    if (message.type !== 'result' && message.type !== 'error') return;
    const pending = this.#pending.get(message.id);
    this.#pending.delete(message.id);
    if (message.type === 'result') pending?.resolve(JSON.parse(message.payload));
    else pending?.reject(new FunctionError(message.error));
  }

  /**
   * Invokes the handler with `event`; resolves with its JSON-round-tripped result.
   *
   * @throws FunctionError when the handler throws or rejects.
   * @throws FunctionTimeoutError when it runs past the timeout (the process is then killed).
   * @throws WorkerExitedError when the process ends before answering.
   */
  invoke(
    event: unknown,
    overrides: Partial<InvokeContext> = {},
    sink?: StreamSink,
  ): Promise<unknown> {
    if (this.exited)
      return Promise.reject(new WorkerExitedError(this.#child.exitCode, this.#child.signalCode));
    const id = this.#nextId++;
    const functionName = this.#options.functionName ?? 'local-function';
    const timeoutMs = this.#options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const context: InvokeContext = {
      awsRequestId: randomUUID(),
      functionName,
      functionVersion: '$LATEST',
      memoryLimitInMB: String(this.#options.memoryMb ?? DEFAULT_MEMORY_MB),
      invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${functionName}`,
      logGroupName: `/aws/lambda/${functionName}`,
      logStreamName: 'local',
      deadlineMs: Date.now() + timeoutMs,
      ...overrides,
    };
    return new Promise((resolvePayload, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        this.#killed = true;
        this.#child.kill('SIGKILL');
        reject(new FunctionTimeoutError(timeoutMs));
      }, timeoutMs);
      const settle: Pending = {
        sink,
        resolve: (payload) => {
          clearTimeout(timer);
          resolvePayload(payload);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.#pending.set(id, settle);
      sink?.signal?.addEventListener('abort', () => {
        if (this.#pending.has(id) && this.#child.connected) this.#child.send({ type: 'abort', id });
      });
      this.#child.send({ type: 'invoke', id, event: JSON.stringify(event), context }, (error) => {
        // The channel closed under us: the process is exiting, and its exit rejects the rest.
        if (error === null) return;
        this.#pending.delete(id);
        settle.reject(new WorkerExitedError(this.#child.exitCode, this.#child.signalCode));
      });
    });
  }

  /** The last lines the function wrote to stdout and stderr. */
  output(): readonly string[] {
    return this.#output;
  }

  /** Ends the process and removes the task-root copy. */
  async stop(): Promise<void> {
    if (!this.#exited) {
      const exited = new Promise((done) => this.#child.once('exit', done));
      this.#child.kill('SIGKILL');
      await exited;
    }
    rmSync(this.#taskRoot, { recursive: true, force: true });
  }
}
