// The child process behind `FunctionProcess`: one warm "container" that loads the handler once and
// serves invocations sent over IPC, as the Lambda runtime does between its Runtime API polls.
import type { Context } from 'aws-lambda';
import { installEsmNodePath } from './esm-node-path';
import { resolveHandler } from './resolve-handler';
import { installRuntimeGlobal, isStreamingHandler, WorkerResponseStream } from './runtime-global';
import {
  type AbortMessage,
  type InvokeMessage,
  type RuntimeError,
  toRuntimeError,
  type WorkerMessage,
} from './worker-protocol';

/** Sends `message`; resolves once it is written, so an exit right after cannot lose it. */
function send(message: WorkerMessage): Promise<void> {
  return new Promise((sent) => {
    if (process.send === undefined) sent();
    else process.send(message, () => sent());
  });
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
  // The local server is gone (stopped, or killed without a chance to stop us): an execution
  // environment without its runtime API has nothing left to do, and must not linger.
  process.on('disconnect', () => process.exit());
  const taskRoot = process.env['LAMBDA_TASK_ROOT'] ?? process.cwd();
  const handlerString = process.env['_HANDLER'] ?? 'main.handler';
  installEsmNodePath(process.env['NODE_PATH']);
  installRuntimeGlobal();
  let handler: Awaited<ReturnType<typeof resolveHandler>>;
  try {
    handler = await resolveHandler(taskRoot, handlerString);
  } catch (error) {
    await send({ type: 'init-error', error: toRuntimeError(error, 'Runtime.ImportModuleError') });
    process.exitCode = 1;
    process.disconnect?.();
    return;
  }
  process.on('message', (message: InvokeMessage | AbortMessage) => {
    if (message.type === 'abort') streams.get(message.id)?.destroy();
    else void invoke(handler, message);
  });
  await send({ type: 'ready' });
}

/** The response streams of streamed invocations under way, by invocation id. */
const streams = new Map<number, WorkerResponseStream>();

/** Runs a streaming handler; its bytes go to the parent as they are written. */
async function invokeStreaming(handler: unknown, message: InvokeMessage): Promise<void> {
  const { id } = message;
  const stream = new WorkerResponseStream((contentType, bytes) => {
    void send({ type: 'chunk', id, contentType, data: bytes.toString('base64') });
  });
  streams.set(id, stream);
  // A write after the client left fails; the handler sees its stream closed, as on Lambda.
  stream.on('error', () => undefined);
  const ended = new Promise((done) => stream.once('close', done));
  const run = handler as (event: unknown, stream: unknown, context: Context) => Promise<unknown>;
  try {
    await run(JSON.parse(message.event), stream, toContext(message));
    if (!stream.writableEnded && !stream.destroyed) stream.end();
    await ended;
    await send({ type: 'result', id, payload: 'null' });
  } catch (error) {
    stream.destroy();
    await send({ type: 'error', id, error: toRuntimeError(error, 'Error') });
  } finally {
    streams.delete(id);
  }
}

async function invoke(
  handler: Awaited<ReturnType<typeof resolveHandler>>,
  message: InvokeMessage,
): Promise<void> {
  if (isStreamingHandler(handler)) return invokeStreaming(handler, message);
  try {
    const result = await handler(JSON.parse(message.event), toContext(message));
    // Lambda serializes the result with JSON.stringify; doing the same surfaces the same faults.
    await send({ type: 'result', id: message.id, payload: JSON.stringify(result) ?? 'null' });
  } catch (error) {
    const described: RuntimeError = toRuntimeError(error, 'Error');
    await send({ type: 'error', id: message.id, error: described });
  }
}

void main();
