import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from './task-root';

/** Everything `npm start` and `npm run invoke` are told on the command line. */
export interface LocalOptions {
  readonly port: number;
  readonly functionDir: string;
  readonly functionName: string;
  readonly stage: string;
  readonly watch: boolean;
  /** Serve the routes' OpenAPI document at `GET /openapi.json`. */
  readonly openapi: boolean;
  /** Serve the interactive API reference at `GET /docs/` (implies `openapi`). */
  readonly docs: boolean;
  readonly timeoutSeconds: number;
  readonly memoryMb: number;
  readonly concurrency: number;
  /** The services module (`--services`), or `undefined` for `--services none`. */
  readonly services: string | undefined;
  readonly env: Readonly<Record<string, string>>;
  /**
   * Serve as a streaming function URL (`--stream`): `LAMBDA_CONTROLLERS_STREAM=1` for the
   * function, function URL events, and chunked responses written as the function streams.
   */
  readonly stream: boolean;
  readonly help: boolean;
  /** Arguments besides flags (the event file of `npm run invoke`). */
  readonly positionals: readonly string[];
  /** The folder relative paths are read from: where the user ran npm. */
  readonly base: string;
}

/** The command line cannot be used; the message says which flag and why. */
export class UsageError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UsageError';
  }
}

// This repository's defaults name the sample API by path; nothing of it is imported.
export const DEFAULT_FUNCTION_DIR = join(REPO_ROOT, 'layer-dist/functions/sample-api');
export const DEFAULT_SERVICES = join(REPO_ROOT, 'sample-api/local/services.ts');

/** The `--services` value that starts no services. */
export const NO_SERVICES_FLAG = 'none';

export const USAGE = `Usage:
  npm start -- [options]                 serve the function as an HTTP API on localhost
  npm run invoke -- [options] EVENT.json  run one event through the function and print the result

Options:
  --port N            port to listen on (default: $PORT, else 3000; 0 picks a free one)
  --function DIR      built function folder holding routes.js (default: the sample API)
  --stage NAME        serve under /NAME like a named stage (default: $default, no prefix)
  --watch             rebuild and reload the function when its sources change
  --openapi           serve the routes' OpenAPI 3.1 document at GET /openapi.json
  --docs              serve an interactive API reference at /docs/ (implies --openapi)
  --timeout SECONDS   function timeout, 1-900 (default: 30)
  --memory MB         function memory, 128-10240 (default: 512)
  --concurrency N     most warm workers at once (default: 4)
  --services MODULE   module whose start() starts what the function needs, such as a
                      database, and gives it environment variables; none starts nothing
                      (default: the sample API's, DynamoDB Local with the users table)
  --env NAME=VALUE    extra environment variable for the function (repeatable)
  --stream            serve like a function URL in RESPONSE_STREAM mode: chunks as produced
  -h, --help          show this help`;

type Command = 'serve' | 'invoke';

const SERVE_ONLY = ['port', 'stage', 'watch', 'openapi', 'docs', 'concurrency', 'stream'] as const;

function integer(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new UsageError(
      `--${flag} must be an integer from ${min} to ${max}; got ${JSON.stringify(text)}`,
    );
  }
  return value;
}

function environment(pairs: readonly string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const pair of pairs) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(pair);
    if (match?.[1] === undefined || match[2] === undefined) {
      throw new UsageError(`--env takes NAME=VALUE; got ${JSON.stringify(pair)}`);
    }
    env[match[1]] = match[2];
  }
  return env;
}

function servicesModule(base: string, text: string | undefined): string | undefined {
  if (text === undefined) return DEFAULT_SERVICES;
  if (text === NO_SERVICES_FLAG) return undefined;
  if (text === '') throw new UsageError('--services takes a module path, or none');
  return resolve(base, text);
}

function stageName(text: string): string {
  // API Gateway stage names: letters, digits, hyphens and underscores, at most 128.
  if (text === '$default' || /^[A-Za-z0-9_-]{1,128}$/.test(text)) return text;
  throw new UsageError(
    `--stage must be $default or letters, digits, - and _; got ${JSON.stringify(text)}`,
  );
}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        port: { type: 'string', short: 'p' },
        function: { type: 'string' },
        stage: { type: 'string' },
        watch: { type: 'boolean' },
        openapi: { type: 'boolean' },
        docs: { type: 'boolean' },
        timeout: { type: 'string' },
        memory: { type: 'string' },
        concurrency: { type: 'string' },
        services: { type: 'string' },
        env: { type: 'string', multiple: true },
        stream: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    // parseArgs throws TypeErrors for unknown flags and missing values; their messages say which.
    throw new UsageError(error instanceof Error ? error.message : String(error), { cause: error });
  }
}

/**
 * Reads the command line of `npm start` (`serve`) or `npm run invoke` (`invoke`).
 *
 * @param env - The process environment; `PORT` sets the default port.
 * @throws UsageError for an unknown flag, a flag of the other command, or a value out of range.
 */
export function parseLocalArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  command: Command,
): LocalOptions {
  const { values, positionals } = parse(argv);
  if (command === 'invoke') {
    const misplaced = SERVE_ONLY.find((flag) => values[flag] !== undefined);
    if (misplaced !== undefined) throw new UsageError(`--${misplaced} only applies to npm start`);
  } else if (positionals.length > 0) {
    throw new UsageError(
      `npm start takes no arguments besides flags; got ${JSON.stringify(positionals)}`,
    );
  }
  // npm runs scripts from the package root; INIT_CWD is where the user typed the command.
  const base = env['INIT_CWD'] ?? process.cwd();
  const functionDir =
    values.function === undefined ? DEFAULT_FUNCTION_DIR : resolve(base, values.function);
  return {
    base,
    port: integer('port', values.port ?? env['PORT'] ?? '3000', 0, 65535),
    functionDir,
    functionName: basename(functionDir),
    stage: stageName(values.stage ?? '$default'),
    watch: values.watch ?? false,
    openapi: (values.openapi ?? false) || (values.docs ?? false),
    docs: values.docs ?? false,
    timeoutSeconds: integer('timeout', values.timeout ?? '30', 1, 900),
    memoryMb: integer('memory', values.memory ?? '512', 128, 10240),
    concurrency: integer('concurrency', values.concurrency ?? '4', 1, 1000),
    services: servicesModule(base, values.services),
    env: environment(values.env ?? []),
    stream: values.stream ?? false,
    help: values.help ?? false,
    positionals,
  };
}
