import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_FUNCTION_DIR, DEFAULT_SERVICES } from '../local/cli-options';
import { LOCAL_DIST } from '../local/task-root';
import { CliError, CliUsageError, ExitCode } from './cli-errors';
import type { Command } from './command';

const START_USAGE = `Usage: lambda-controllers start [options]

Serves a built function as a local HTTP API (payload 2.0 events, a worker per concurrent
request, as Lambda runs it). Options: --function DIR, --services MODULE (your database, queues:
a module whose start() starts them), --port N, --watch, --openapi, --stage, --timeout, --memory,
--concurrency, --env NAME=VALUE. "lambda-controllers start --help" lists them all.`;

const INVOKE_USAGE = `Usage: lambda-controllers invoke [options] EVENT.json

Runs one event through a built function, loaded as "start" loads it, and prints the result;
the function's logs go to stderr. Options: --function DIR, --services MODULE, --timeout,
--memory, --env NAME=VALUE. "lambda-controllers invoke --help" lists them all.`;

function hasFlag(argv: readonly string[], flag: string): boolean {
  return argv.some((arg) => arg === flag || arg.startsWith(`${flag}=`));
}

/**
 * The project's defaults, where the command line gives none: the layer `lambda-controllers layer`
 * wrote, the one function `lambda-controllers build` wrote, and no services unless the runner's
 * own default module exists (it does only in the framework's repository).
 */
export function projectDefaults(
  argv: readonly string[],
  cwd: string,
): { argv: string[]; env: Record<string, string> } {
  const added: string[] = [];
  const functions = join(cwd, 'layer-dist/functions');
  const built = existsSync(functions)
    ? readdirSync(functions).filter((name) => statSync(join(functions, name)).isDirectory())
    : [];
  const [only] = built;
  if (!hasFlag(argv, '--function') && only !== undefined) {
    if (built.length === 1) added.push('--function', join(functions, only));
    else if (!existsSync(DEFAULT_FUNCTION_DIR)) {
      throw new CliUsageError(
        `Name the function with --function DIR: ${functions} holds ${JSON.stringify(built)}.`,
      );
    }
  }
  if (!hasFlag(argv, '--services') && !existsSync(DEFAULT_SERVICES))
    added.push('--services', 'none');
  const layer = join(cwd, 'layer-dist/nodejs/node_modules');
  return {
    argv: [...added, ...argv],
    env: existsSync(join(layer, 'main.js')) ? { LAMBDA_CONTROLLERS_LAYER_MODULES: layer } : {},
  };
}

/**
 * Runs the local runner's `entry` (dist/local/) with `argv`, its output and signals passed
 * through; resolves to its exit code.
 */
function runLocal(entry: string, argv: readonly string[], cwd: string): Promise<number> {
  const file = join(LOCAL_DIST, entry);
  if (!existsSync(file)) {
    throw new CliError(`The local runner is not built (${file} is missing): run the build first.`);
  }
  const defaults = projectDefaults(argv, cwd);
  const child = spawn(
    process.execPath,
    ['--disable-warning=MODULE_TYPELESS_PACKAGE_JSON', file, ...defaults.argv],
    { stdio: 'inherit', env: { ...process.env, ...defaults.env } },
  );
  // Ctrl-C reaches the child through the terminal's process group; SIGTERM is passed on so the
  // runner stops its workers and services before this process exits.
  const forward = (): void => {
    child.kill('SIGTERM');
  };
  process.on('SIGTERM', forward);
  process.on('SIGINT', () => undefined);
  return new Promise((settle, fail) => {
    child.once('error', (error) =>
      fail(new CliError(`Starting ${file} failed: ${error.message}`, { cause: error })),
    );
    child.once('exit', (code, signal) => {
      process.off('SIGTERM', forward);
      settle(code ?? (signal === 'SIGINT' ? 130 : ExitCode.Failed));
    });
  });
}

/** The command's own summary before the runner's full option list. */
function withHelp(usage: string, entry: string) {
  return (argv: readonly string[], cwd: string): Promise<number> => {
    if (argv.includes('--help') || argv.includes('-h')) console.log(`${usage}\n`);
    return runLocal(entry, argv, cwd);
  };
}

export const startCommand: Command = {
  name: 'start',
  summary: 'serve a built function as a local HTTP API',
  usage: START_USAGE,
  run: withHelp(START_USAGE, 'cli.js'),
};

export const invokeCommand: Command = {
  name: 'invoke',
  summary: 'run one event through a built function and print the result',
  usage: INVOKE_USAGE,
  run: withHelp(INVOKE_USAGE, 'invoke.js'),
};
