// The child process behind `FunctionProcess`: one warm "container" that loads the handler once and
// serves invocations sent over IPC, as the Lambda runtime does between its Runtime API polls.
import type { Context } from 'aws-lambda';
import { installEsmNodePath } from './esm-node-path';
import { resolveHandler } from './resolve-handler';
import {
  type InvokeMessage,
  type RuntimeError,
  toRuntimeError,
  type WorkerMessage,
} from './worker-protocol';

function send(message: WorkerMessage): void {
  process.send?.(message);
}

function toContext(message: InvokeMessage): Context {
  const { deadlineMs, ...fields } = message.context;
  return {
    ...fields,
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadlineMs - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

async function main(): Promise<void> {
  const taskRoot = process.env['LAMBDA_TASK_ROOT'] ?? process.cwd();
  const handlerString = process.env['_HANDLER'] ?? 'main.handler';
  installEsmNodePath(process.env['NODE_PATH']);
  let handler: Awaited<ReturnType<typeof resolveHandler>>;
  try {
    handler = await resolveHandler(taskRoot, handlerString);
  } catch (error) {
    send({ type: 'init-error', error: toRuntimeError(error, 'Runtime.ImportModuleError') });
    process.exitCode = 1;
    process.disconnect?.();
    return;
  }
  process.on('message', (message: InvokeMessage) => {
    void invoke(handler, message);
  });
  send({ type: 'ready' });
}

async function invoke(
  handler: Awaited<ReturnType<typeof resolveHandler>>,
  message: InvokeMessage,
): Promise<void> {
  try {
    const result = await handler(JSON.parse(message.event), toContext(message));
    // Lambda serializes the result with JSON.stringify; doing the same surfaces the same faults.
    send({ type: 'result', id: message.id, payload: JSON.stringify(result) ?? 'null' });
  } catch (error) {
    const described: RuntimeError = toRuntimeError(error, 'Error');
    send({ type: 'error', id: message.id, error: described });
  }
}

void main();
