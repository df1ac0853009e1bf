import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export type Handler = (event: unknown, context: unknown) => Promise<unknown>;

/**
 * Loads `_HANDLER` from `LAMBDA_TASK_ROOT` as the Node.js runtime client does: the module file in
 * the task root first, else `require.resolve` from there, which also searches `NODE_PATH`
 * (the layers' `nodejs/node_modules`).
 */
export function loadHandler(env: NodeJS.ProcessEnv): Handler {
  const taskRoot = env['LAMBDA_TASK_ROOT'];
  const spec = env['_HANDLER'];
  if (taskRoot === undefined || spec === undefined) {
    throw new Error('LAMBDA_TASK_ROOT and _HANDLER must be set');
  }
  const dot = spec.lastIndexOf('.');
  const moduleName = spec.slice(0, dot);
  const exportName = spec.slice(dot + 1);
  const requireFromTask = createRequire(join(taskRoot, 'index.js'));
  const local = ['.js', '.cjs']
    .map((extension) => join(taskRoot, `${moduleName}${extension}`))
    .find((file) => existsSync(file));
  const loaded: unknown = requireFromTask(local ?? requireFromTask.resolve(moduleName));
  const handler: unknown =
    typeof loaded === 'object' && loaded !== null ? Reflect.get(loaded, exportName) : undefined;
  if (typeof handler !== 'function') throw new Error(`${spec} is not a function`);
  return (event, context) => Promise.resolve(handler(event, context));
}
