import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { FunctionError } from './function-process';
import { type FunctionSettings, LOCAL_DIST, launchInTaskRoot } from './task-root';
import { type DescribeMessage, OPENAPI_FLAG, type RouteKey } from './worker-protocol';

const DESCRIBE_SCRIPT = join(LOCAL_DIST, 'describe-routes.js');

/** The routes a function's controllers declare, and their OpenAPI document when asked for. */
export interface DeclaredRoutes {
  readonly routes: readonly RouteKey[];
  readonly openapi: { readonly document: unknown } | { readonly error: string };
}

/**
 * Loads the function's routes module in a throwaway process, with the same task root, NODE_PATH
 * and environment as its workers, and returns the routes its controllers declare and, with
 * `openapi`, their OpenAPI document.
 *
 * @throws FunctionError with the loading or route-table error.
 */
export async function readRouteKeys(
  settings: FunctionSettings,
  options: { readonly openapi: boolean },
): Promise<DeclaredRoutes> {
  const args = options.openapi ? [OPENAPI_FLAG] : [];
  const { child, taskRoot } = launchInTaskRoot(DESCRIBE_SCRIPT, settings, args);
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  try {
    const message = await new Promise<DescribeMessage>((answer, fail) => {
      child.once('message', answer);
      child.once('error', fail);
      child.once('exit', (code, signal) =>
        fail(
          new Error(
            `The route reader exited (code ${code}, signal ${signal}).\n${output.join('')}`,
          ),
        ),
      );
    });
    if (message.type === 'routes-error') throw new FunctionError(message.error);
    return { routes: message.routes, openapi: message.openapi };
  } finally {
    // Module-scope code in routes.js (timers, open sockets) could keep it alive; it has answered.
    if (child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    }
    rmSync(taskRoot, { recursive: true, force: true });
  }
}
