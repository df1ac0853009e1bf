import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { InvokeContext, RuntimeError, WorkerMessage } from './worker-protocol';

const REPO_ROOT = resolve(__dirname, '../..');

/** Where `npm run build` leaves the worker entry and the layer's modules. */
export const DEFAULT_WORKER = join(REPO_ROOT, 'layer-dist/local/worker.js');
export const DEFAULT_LAYER_MODULES = join(REPO_ROOT, 'layer-dist/nodejs/node_modules');

export interface FunctionProcessOptions {
  /** The built function's folder (holding `routes.js`); copied like Lambda unpacks to /var/task. */
  readonly functionDir: string;
  /** Extra environment variables of the function (TABLE_NAME, ...). */
  readonly env?: Readonly<Record<string, string>>;
  /** The layer's `nodejs/node_modules`, put on NODE_PATH. */
  readonly layerNodeModules?: string;
  /** The Node.js binary to run. @defaultValue the current one */
  readonly nodeBinary?: string;
  /** @defaultValue `main.handler` */
  readonly handler?: string;
  readonly functionName?: string;
  readonly memoryMb?: number;
  readonly timeoutMs?: number;
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

interface Pending {
  resolve(payload: unknown): void;
  reject(error: Error): void;
}

/**
 * One warm Lambda "container": a child Node process that loads the handler the way the Node.js
 * runtime does (NODE_PATH at the layer, LAMBDA_TASK_ROOT at a copy of the function) and serves
 * invocations one after another or concurrently.
 */
export class FunctionProcess {
  readonly #child: ChildProcess;
  readonly #taskRoot: string;
  readonly #options: FunctionProcessOptions;
  readonly #pending = new Map<number, Pending>();
  readonly #output: string[] = [];
  #nextId = 1;
  #exited = false;

  private constructor(child: ChildProcess, taskRoot: string, options: FunctionProcessOptions) {
    this.#child = child;
    this.#taskRoot = taskRoot;
    this.#options = options;
    const collect = (chunk: Buffer): void => {
      this.#output.push(
        ...chunk
          .toString('utf8')
          .split('\n')
          .filter((line) => line !== ''),
      );
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.on('message', (message: WorkerMessage) => this.#onMessage(message));
    child.on('exit', (code, signal) => {
      this.#exited = true;
      for (const pending of this.#pending.values())
        pending.reject(new WorkerExitedError(code, signal));
      this.#pending.clear();
    });
  }

  /** Starts the process and waits until the handler is loaded; rejects with the init error. */
  static async start(options: FunctionProcessOptions): Promise<FunctionProcess> {
    const taskRoot = mkdtempSync(join(tmpdir(), 'lambda-task-'));
    cpSync(options.functionDir, taskRoot, { recursive: true });
    const layerModules = options.layerNodeModules ?? DEFAULT_LAYER_MODULES;
    const child = spawn(options.nodeBinary ?? process.execPath, [DEFAULT_WORKER], {
      cwd: taskRoot,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      env: {
        PATH: process.env['PATH'] ?? '/usr/bin:/bin',
        TZ: ':UTC',
        NODE_PATH: layerModules,
        LAMBDA_TASK_ROOT: taskRoot,
        _HANDLER: options.handler ?? 'main.handler',
        AWS_REGION: 'us-east-1',
        AWS_LAMBDA_FUNCTION_NAME: options.functionName ?? 'local-function',
        AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(options.memoryMb ?? 512),
        AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
        ...options.env,
      },
    });
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
        ? new Error(`${error.message}\n${fn.output().join('\n')}`, { cause: error })
        : error;
    });
    return fn;
  }

  #onMessage(message: WorkerMessage): void {
    if (message.type !== 'result' && message.type !== 'error') return;
    const pending = this.#pending.get(message.id);
    this.#pending.delete(message.id);
    if (message.type === 'result') pending?.resolve(JSON.parse(message.payload));
    else pending?.reject(new FunctionError(message.error));
  }

  /** Invokes the handler with `event`; resolves with its JSON-round-tripped result. */
  invoke(event: unknown, overrides: Partial<InvokeContext> = {}): Promise<unknown> {
    if (this.#exited)
      return Promise.reject(new WorkerExitedError(this.#child.exitCode, this.#child.signalCode));
    const id = this.#nextId++;
    const functionName = this.#options.functionName ?? 'local-function';
    const context: InvokeContext = {
      awsRequestId: randomUUID(),
      functionName,
      functionVersion: '$LATEST',
      memoryLimitInMB: String(this.#options.memoryMb ?? 512),
      invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${functionName}`,
      logGroupName: `/aws/lambda/${functionName}`,
      logStreamName: 'local',
      deadlineMs: Date.now() + (this.#options.timeoutMs ?? 30_000),
      ...overrides,
    };
    return new Promise((resolvePayload, reject) => {
      this.#pending.set(id, { resolve: resolvePayload, reject });
      this.#child.send({ type: 'invoke', id, event: JSON.stringify(event), context });
    });
  }

  /** Lines the function wrote to stdout and stderr so far. */
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
