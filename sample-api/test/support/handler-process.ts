/**
 * The child process behind `startSampleFunction`: one Lambda-like container. It loads
 * `main.handler` as the Node.js runtime does for a function that ships only `routes.js` (not in
 * the task root, so from NODE_PATH: the layer) and answers the invocations sent over IPC.
 */
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** An invocation from the parent; `event` is JSON, as Lambda delivers it. */
export interface Invocation {
  readonly id: number;
  readonly event: string;
}

/** What this process tells its parent. */
export type HandlerMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'init-error'; readonly message: string }
  | { readonly type: 'result'; readonly id: number; readonly payload: string }
  | { readonly type: 'error'; readonly id: number; readonly message: string };

function send(message: HandlerMessage): void {
  process.send?.(message);
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function contextFor(functionName: string) {
  const deadline = Date.now() + 30_000;
  return {
    awsRequestId: randomUUID(),
    functionName,
    functionVersion: '$LATEST',
    memoryLimitInMB: '512',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${functionName}`,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
}

function loadHandler(): (event: unknown, context: object) => Promise<unknown> {
  const taskRoot = process.env['LAMBDA_TASK_ROOT'] ?? process.cwd();
  const loaded: unknown = createRequire(join(taskRoot, 'index.js'))('main');
  const handler: unknown =
    typeof loaded === 'object' && loaded !== null ? Reflect.get(loaded, 'handler') : undefined;
  if (typeof handler !== 'function') throw new Error('main.js exports no handler function');
  return async (event, context) => Reflect.apply(handler, undefined, [event, context]);
}

// The parent is gone: a container without its runtime has nothing left to do.
process.on('disconnect', () => process.exit());
const functionName = process.env['AWS_LAMBDA_FUNCTION_NAME'] ?? 'sample-api';
try {
  const handler = loadHandler();
  process.on('message', (message: Invocation) => {
    handler(JSON.parse(message.event), contextFor(functionName)).then(
      // Lambda serializes the result with JSON.stringify; doing the same surfaces the same faults.
      (result) =>
        send({ type: 'result', id: message.id, payload: JSON.stringify(result) ?? 'null' }),
      (error: unknown) => send({ type: 'error', id: message.id, message: describe(error) }),
    );
  });
  send({ type: 'ready' });
} catch (error) {
  send({ type: 'init-error', message: describe(error) });
  process.disconnect?.();
}
