import * as nodeModule from 'node:module';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

type Resolved = { url: string };
type NextResolve = (specifier: string, context: { parentURL?: string | undefined }) => Resolved;
type ResolveHook = (
  specifier: string,
  context: { parentURL?: string | undefined },
  next: NextResolve,
) => Resolved;

function isBare(specifier: string): boolean {
  return !specifier.startsWith('.') && !specifier.startsWith('/') && !specifier.includes(':');
}

function notFound(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    Reflect.get(error, 'code') === 'ERR_MODULE_NOT_FOUND'
  );
}

/**
 * A resolve hook that retries a bare specifier from each NODE_PATH folder when normal ES-module
 * resolution fails. The Lambda Node.js runtimes (18 and later) search NODE_PATH for ES modules,
 * which Node itself never does; this is how `import 'lambda-controllers'` finds the layer.
 */
export function createNodePathResolve(nodePath: string): ResolveHook {
  const folders = nodePath.split(delimiter).filter((folder) => folder !== '');
  return (specifier, context, next) => {
    try {
      return next(specifier, context);
    } catch (error) {
      if (!notFound(error) || !isBare(specifier)) throw error;
      for (const folder of folders) {
        // A parent inside the folder makes Node look in that folder for node_modules packages.
        const parentURL = pathToFileURL(join(folder, '__node_path_parent__.js')).href;
        try {
          return next(specifier, { ...context, parentURL });
        } catch (retryError) {
          // Not in this folder: try the next one; the original error stands if none has it.
          if (!notFound(retryError)) throw retryError;
        }
      }
      throw error;
    }
  };
}

/**
 * Installs the NODE_PATH fallback for ES modules in this process. Needs `module.registerHooks`
 * (Node 22.15+); on older Node it returns false and ES modules resolve as Node alone does.
 */
export function installEsmNodePath(nodePath: string | undefined): boolean {
  const register: unknown = Reflect.get(nodeModule, 'registerHooks');
  if (typeof register !== 'function' || nodePath === undefined || nodePath === '') return false;
  register({ resolve: createNodePathResolve(nodePath) });
  return true;
}
