import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { messageOf } from '../errors/message-of';
import { shownPath } from './banner';
import type { LocalServices, ServicesStartOptions } from './local-services';

/** A services module is missing, has the wrong shape, or failed; the message says what to do. */
export class ServicesError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ServicesError';
  }
}

/** The services of one run: those a module started, or none. */
export interface RunningServices extends LocalServices {
  /** The module that started them; `undefined` for `--services none`. */
  readonly module: string | undefined;
}

// Faults in the module's code rather than in its setup: the stack says where.
const PROGRAMMING_ERRORS = new Set(['TypeError', 'ReferenceError', 'SyntaxError', 'RangeError']);

/**
 * What the command prints for a `ServicesError`: its message alone (what to fix, such as "install
 * Java"), with the stack of its cause only when that is a programming error in the module.
 */
export function describeServicesError(error: ServicesError): string {
  const { cause } = error;
  return cause instanceof Error && PROGRAMMING_ERRORS.has(cause.name)
    ? `${error.message}\n${cause.stack ?? ''}`.trimEnd()
    : error.message;
}

const SHAPE = "{ env: { NAME: 'value' }, describe: ['a banner line'], stop: async () => {} }";

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `--services none`: nothing to start, nothing to stop. */
export const NO_SERVICES: RunningServices = {
  module: undefined,
  env: {},
  describe: [],
  stop: async () => undefined,
};

function kindOf(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'function') return 'a function';
  return typeof value === 'string'
    ? `string ${JSON.stringify(value)}`
    : `${typeof value} ${String(value)}`;
}

/** `value.stop`, called on `value`, or `undefined` when that is not a function. */
function stopMethod(value: unknown): (() => Promise<void>) | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const stop: unknown = Reflect.get(value, 'stop');
  if (typeof stop !== 'function') return undefined;
  return async () => {
    await Reflect.apply(stop, value, []);
  };
}

/** `value` read as `{ env, describe, stop }`, or what keeps it from being one. */
function readServices(value: unknown): LocalServices | { readonly problem: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { problem: `it resolved to ${kindOf(value)}` };
  }
  const envIn: unknown = Reflect.get(value, 'env');
  if (typeof envIn !== 'object' || envIn === null || Array.isArray(envIn)) {
    return { problem: `env is ${kindOf(envIn)}, not an object` };
  }
  const env: Record<string, string> = {};
  for (const [name, text] of Object.entries(envIn)) {
    if (!ENV_NAME.test(name))
      return { problem: `env names ${JSON.stringify(name)}, not a variable` };
    if (typeof text !== 'string')
      return { problem: `env.${name} is ${kindOf(text)}, not a string` };
    env[name] = text;
  }
  const lines: unknown = Reflect.get(value, 'describe');
  if (!Array.isArray(lines) || lines.some((line) => typeof line !== 'string')) {
    return { problem: `describe is ${kindOf(lines)}, not an array of strings` };
  }
  const stop = stopMethod(value);
  if (stop === undefined) return { problem: 'stop is not a function' };
  return { env, describe: lines.map(String), stop };
}

/** The `start` export, also from a CommonJS module imported as ESM (under `default`). */
function startExport(namespace: unknown): unknown {
  if (typeof namespace !== 'object' || namespace === null) return undefined;
  const direct: unknown = Reflect.get(namespace, 'start');
  if (direct !== undefined) return direct;
  const fallback: unknown = Reflect.get(namespace, 'default');
  return typeof fallback === 'object' && fallback !== null
    ? Reflect.get(fallback, 'start')
    : undefined;
}

/** Wraps `stop` so it runs once, however often it is called, and names the module when it fails. */
function stopOnce(stop: () => Promise<void>, shown: string): () => Promise<void> {
  let stopping: Promise<void> | undefined;
  return () => {
    stopping ??= (async () => {
      try {
        await stop();
      } catch (error) {
        throw new ServicesError(`Stopping the services of ${shown} failed: ${messageOf(error)}`, {
          cause: error,
        });
      }
    })();
    return stopping;
  };
}

/**
 * Calls `start(options)` of an imported services module and checks what it resolves to.
 *
 * @param namespace - The module's exports, as `import()` gives them.
 * @param file - The module's path, named in every error.
 * @throws ServicesError when the module exports no `start`, `start` rejects, or resolves to
 * anything but `{ env, describe, stop }` (a `stop` it did return is called first).
 */
export async function startServices(
  namespace: unknown,
  file: string,
  options: ServicesStartOptions,
): Promise<RunningServices> {
  const shown = shownPath(file);
  const start = startExport(namespace);
  if (typeof start !== 'function') {
    const names = typeof namespace === 'object' && namespace !== null ? Object.keys(namespace) : [];
    throw new ServicesError(
      `The services module ${shown} exports no start function (its exports: ` +
        `${JSON.stringify(names)}). Export async function start(options) resolving to ${SHAPE}.`,
    );
  }
  let started: unknown;
  try {
    started = await Reflect.apply(start, undefined, [options]);
  } catch (error) {
    throw new ServicesError(`The services of ${shown} did not start: ${messageOf(error)}`, {
      cause: error,
    });
  }
  const services = readServices(started);
  if ('problem' in services) {
    // Whatever start() did start would otherwise outlive the run.
    const stop = stopMethod(started);
    let stopFailure = '';
    try {
      await stop?.();
    } catch (error) {
      // Told in the same message: the shape is what the module's author must fix first.
      stopFailure = ` Its stop() failed too: ${messageOf(error)}.`;
    }
    throw new ServicesError(
      `start() of the services module ${shown} resolved to the wrong shape: ` +
        `${services.problem}. It must resolve to ${SHAPE}.${stopFailure}`,
    );
  }
  return { module: file, ...services, stop: stopOnce(services.stop, shown) };
}

/**
 * Loads the services module at `file` and starts its services, or starts none when `file` is
 * `undefined` (`--services none`).
 *
 * @throws ServicesError when the file is missing or fails to load, and as `startServices` does.
 */
export async function openServices(
  file: string | undefined,
  options: ServicesStartOptions,
): Promise<RunningServices> {
  if (file === undefined) return NO_SERVICES;
  const shown = shownPath(file);
  if (!existsSync(file)) {
    throw new ServicesError(
      `The services module ${shown} does not exist. Pass --services with a module that exports ` +
        'start() (see "Services" in the README), or --services none to start nothing.',
    );
  }
  let namespace: unknown;
  try {
    namespace = await import(pathToFileURL(file).href);
  } catch (error) {
    throw new ServicesError(`Loading the services module ${shown} failed: ${messageOf(error)}`, {
      cause: error,
    });
  }
  return startServices(namespace, file, options);
}
