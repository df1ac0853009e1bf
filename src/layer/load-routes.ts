import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RoutesModuleError } from '../errors/config-errors';
import { messageOf } from '../errors/message-of';
import type { RoutesOrigin } from '../errors/routes-origin';
import { assertSingleCopies } from './single-copies';

/**
 * What `main.handler` needs from the function's routes module, as the module exported it:
 * `createHandler` checks both values.
 */
export interface LoadedRoutes {
  readonly routes: unknown;
  /** The module's optional `handlerOptions` export, passed to `createHandler`. */
  readonly options: unknown;
  readonly origin: RoutesOrigin;
}

/** A routes module that only `import()` can load (an ES module with top-level await). */
export interface DeferredRoutes {
  readonly deferred: true;
  load(): Promise<LoadedRoutes>;
}

const EXTENSIONS = ['.js', '.cjs', '.mjs'];

/** Error codes meaning "this is an ES module that require() cannot load synchronously". */
const NEEDS_IMPORT = new Set(['ERR_REQUIRE_ESM', 'ERR_REQUIRE_ASYNC_MODULE']);

function findModuleFile(taskRoot: string, name: string): string {
  const candidates = EXTENSIONS.includes(extname(name))
    ? [resolve(taskRoot, name)]
    : EXTENSIONS.map((extension) => resolve(taskRoot, `${name}${extension}`));
  const found = candidates.find((candidate) => existsSync(candidate));
  if (found === undefined) {
    throw new RoutesModuleError(
      `No routes module: looked for ${candidates.join(', ')}. The function's code must contain ` +
        'routes.js (or set ROUTES_MODULE to its path relative to LAMBDA_TASK_ROOT).',
    );
  }
  return found;
}

function pickExport(namespace: unknown, file: string, exportName: string): LoadedRoutes {
  const origin = { file, exportName };
  const read = (key: string): unknown => {
    if (typeof namespace !== 'object' && typeof namespace !== 'function') return undefined;
    if (namespace === null) return undefined;
    const direct: unknown = Reflect.get(namespace, key);
    if (direct !== undefined) return direct;
    // A CommonJS module imported as ESM exposes its exports under `default`.
    const fallback: unknown = Reflect.get(namespace, 'default');
    return typeof fallback === 'object' && fallback !== null
      ? Reflect.get(fallback, key)
      : undefined;
  };
  const routes = read(exportName);
  if (routes === undefined) {
    const keys = typeof namespace === 'object' && namespace !== null ? Object.keys(namespace) : [];
    throw new RoutesModuleError(
      `${file} has no export ${JSON.stringify(exportName)} (its exports: ${JSON.stringify(keys)}). ` +
        'Export the controller class as `routes`, or set ROUTES_EXPORT to its name.',
    );
  }
  return { routes, options: read('handlerOptions'), origin };
}

/**
 * Loads the function's routes module the way `main.handler` does: `${LAMBDA_TASK_ROOT}/routes`
 * with `.js`, `.cjs` or `.mjs`, export `routes`. `ROUTES_MODULE` and `ROUTES_EXPORT` override
 * the file and export names.
 *
 * @returns The routes, or a deferred loader for an ES module (`.mjs`, or ESM that `require` cannot
 * load), which only `import()` can load.
 * @throws RoutesModuleError naming the file and export when either is missing or loading fails.
 */
export function loadRoutes(
  env: Readonly<Record<string, string | undefined>>,
): LoadedRoutes | DeferredRoutes {
  const taskRoot = env['LAMBDA_TASK_ROOT'] ?? process.cwd();
  const exportName = env['ROUTES_EXPORT'] ?? 'routes';
  const file = findModuleFile(taskRoot, env['ROUTES_MODULE'] ?? 'routes');
  const deferred: DeferredRoutes = {
    deferred: true,
    load: async () => {
      try {
        return pickExport(await import(pathToFileURL(file).href), file, exportName);
      } catch (error) {
        if (error instanceof RoutesModuleError) throw error;
        throw new RoutesModuleError(`Loading ${file} failed: ${messageOf(error)}`, {
          cause: error,
        });
      }
    },
  };
  // An ES module goes through import(), whose resolution is the one Lambda extends to NODE_PATH
  // (the layer) for ES modules; require() of ESM would resolve its imports differently.
  if (file.endsWith('.mjs')) return deferred;
  try {
    const requireFromTaskRoot = createRequire(resolve(taskRoot, 'main.js'));
    const routes = pickExport(requireFromTaskRoot(file), file, exportName);
    assertSingleCopies(Object.keys(requireFromTaskRoot.cache), file);
    return routes;
  } catch (error) {
    if (error instanceof RoutesModuleError) throw error;
    const code: unknown =
      typeof error === 'object' && error !== null ? Reflect.get(error, 'code') : undefined;
    if (typeof code === 'string' && NEEDS_IMPORT.has(code)) return deferred;
    throw new RoutesModuleError(`Loading ${file} failed: ${messageOf(error)}`, { cause: error });
  }
}
