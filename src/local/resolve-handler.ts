import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** A handler string that cannot be resolved or loaded, named like the runtime's errors. */
export class HandlerResolutionError extends Error {
  constructor(
    readonly errorType:
      | 'Runtime.MalformedHandlerName'
      | 'Runtime.ImportModuleError'
      | 'Runtime.HandlerNotFound',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = errorType;
  }
}

export type ResolvedHandler = (event: unknown, context: unknown) => unknown;

/**
 * Resolves a handler string such as `main.handler` as the Node.js Lambda runtime does: the module
 * file in the task root first (`main`, `main.js`, `main.mjs`, `main.cjs`), then Node's resolution
 * from the task root, which searches NODE_PATH (where a layer's `nodejs/node_modules` sits).
 */
export async function resolveHandler(
  taskRoot: string,
  handlerString: string,
): Promise<ResolvedHandler> {
  const dot = handlerString.lastIndexOf('.');
  if (dot <= 0 || dot === handlerString.length - 1) {
    throw new HandlerResolutionError(
      'Runtime.MalformedHandlerName',
      `Bad handler ${JSON.stringify(handlerString)}.`,
    );
  }
  const moduleName = handlerString.slice(0, dot);
  const functionPath = handlerString.slice(dot + 1).split('.');
  const local = ['', '.js', '.mjs', '.cjs']
    .map((extension) => join(taskRoot, `${moduleName}${extension}`))
    .find(existsSync);
  const requireFromTask = createRequire(join(taskRoot, 'index.js'));
  let file: string;
  try {
    file = local ?? requireFromTask.resolve(moduleName, { paths: [taskRoot] });
  } catch (error) {
    throw new HandlerResolutionError(
      'Runtime.ImportModuleError',
      `Error: Cannot find module '${moduleName}'`,
      { cause: error },
    );
  }
  let loaded: unknown;
  try {
    loaded = file.endsWith('.mjs') ? await import(pathToFileURL(file).href) : requireFromTask(file);
  } catch (error) {
    const code: unknown =
      typeof error === 'object' && error !== null ? Reflect.get(error, 'code') : undefined;
    if (code !== 'ERR_REQUIRE_ESM' && code !== 'ERR_REQUIRE_ASYNC_MODULE') throw error;
    loaded = await import(pathToFileURL(file).href);
  }
  let target: unknown = loaded;
  for (const key of functionPath) {
    target =
      typeof target === 'object' || typeof target === 'function'
        ? Reflect.get(target ?? {}, key)
        : undefined;
  }
  if (typeof target !== 'function') {
    throw new HandlerResolutionError(
      'Runtime.HandlerNotFound',
      `${handlerString} is undefined or not exported`,
    );
  }
  return target as ResolvedHandler;
}
