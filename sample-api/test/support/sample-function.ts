import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { type HttpApiRequest, httpApiEvent } from '../../../src/test/support/http-api-event.ts';
import { LOCAL_AWS_ENV } from '../../local/dynamodb-local.ts';
import { type ApiResponse, toApiResponse } from './api-response.ts';
import type { HandlerMessage } from './handler-process.ts';
import { dynamoDbEndpoint } from './test-table.ts';

const REPO_ROOT = resolve(__dirname, '../../..');
const LAYER_MODULES = join(REPO_ROOT, 'layer-dist/nodejs/node_modules');
const HANDLER_PROCESS = join(__dirname, 'handler-process.ts');

/** Where `npm run build` puts the deployable sample function (its `routes.js`). */
export const BUILT_FUNCTION_DIR = join(REPO_ROOT, 'layer-dist/functions/sample-api');

/** The built sample, running in one or more warm Lambda-like worker processes. */
export interface SampleFunction {
  /** Sends `spec` as an HTTP API event through `main.handler`. */
  request(spec: HttpApiRequest): Promise<ApiResponse>;
  /** Invokes `main.handler` with any event; resolves with its raw result. */
  invoke(event: unknown): Promise<unknown>;
  stop(): Promise<void>;
}

interface Worker {
  invoke(event: unknown): Promise<unknown>;
  stop(): Promise<void>;
}

/**
 * One Lambda-like container of the built sample: a child Node process with NODE_PATH at the built
 * layer and LAMBDA_TASK_ROOT at a copy of the built function outside the repository, as Lambda
 * unpacks it to /var/task, so `routes.js` reaches the layer's packages and never the repository's.
 */
async function startWorker(env: Readonly<Record<string, string>>): Promise<Worker> {
  const taskRoot = mkdtempSync(join(tmpdir(), 'sample-api-task-'));
  cpSync(BUILT_FUNCTION_DIR, taskRoot, { recursive: true });
  const child: ChildProcess = fork(HANDLER_PROCESS, [], {
    cwd: taskRoot,
    execArgv: ['--disable-warning=MODULE_TYPELESS_PACKAGE_JSON'],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: {
      PATH: process.env['PATH'] ?? '/usr/bin:/bin',
      TZ: ':UTC',
      NODE_PATH: LAYER_MODULES,
      LAMBDA_TASK_ROOT: taskRoot,
      AWS_LAMBDA_FUNCTION_NAME: 'sample-api',
      ...env,
    },
  });
  const output: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    if (stream !== null) createInterface({ input: stream }).on('line', (line) => output.push(line));
  }
  const exited = once(child, 'exit');
  const pending = new Map<
    number,
    { resolve(payload: unknown): void; reject(error: Error): void }
  >();
  let nextId = 1;
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
    rmSync(taskRoot, { recursive: true, force: true });
  };
  void exited.then(([code]) => {
    for (const { reject } of pending.values()) reject(new Error(`The worker exited with ${code}`));
    pending.clear();
  });
  const ready = await new Promise<HandlerMessage>((answer, fail) => {
    child.once('message', answer);
    void exited.then(([code]) => fail(new Error(`The worker exited with ${code}`)));
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  if (ready.type !== 'ready') {
    await stop();
    throw new Error(
      `The sample failed to initialize: ${JSON.stringify(ready)}\n${output.join('\n')}`,
    );
  }
  child.on('message', (message: HandlerMessage) => {
    if (message.type !== 'result' && message.type !== 'error') return;
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    if (message.type === 'result') waiting?.resolve(JSON.parse(message.payload));
    else waiting?.reject(new Error(message.message));
  });
  return {
    invoke: (event) =>
      new Promise((resolvePayload, reject) => {
        const id = nextId++;
        pending.set(id, { resolve: resolvePayload, reject });
        child.send({ id, event: JSON.stringify(event) });
      }),
    stop,
  };
}

/**
 * Starts the built sample against `tableName` in DynamoDB Local. Several workers stand for
 * several Lambda containers: requests are spread over them round-robin.
 */
export async function startSampleFunction(
  tableName: string,
  options: { readonly workers?: number } = {},
): Promise<SampleFunction> {
  if (!existsSync(join(BUILT_FUNCTION_DIR, 'routes.js'))) {
    throw new Error(`${BUILT_FUNCTION_DIR}/routes.js is missing: run "npm run build" first.`);
  }
  const env = {
    ...LOCAL_AWS_ENV,
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: dynamoDbEndpoint(),
  };
  const workers = await Promise.all(
    Array.from({ length: options.workers ?? 1 }, () => startWorker(env)),
  );
  let next = 0;
  const pick = (): Worker => {
    const worker = workers[next++ % workers.length];
    if (worker === undefined) throw new Error('No worker was started');
    return worker;
  };
  return {
    invoke: (event) => pick().invoke(event),
    request: async (spec) =>
      toApiResponse(await pick().invoke(httpApiEvent(spec.method, spec.path, spec))),
    stop: async () => {
      await Promise.all(workers.map((worker) => worker.stop()));
    },
  };
}
