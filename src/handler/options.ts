import type { ValidatorOptions } from 'class-validator';
import { HandlerOptionsError } from '../errors/config-errors';
import { type CorsOptions, CorsPolicy } from '../http/cors';
import { accessLogEnabled, withLogLevel } from '../logging/access-log';
import { jsonLogger, type Logger } from '../logging/logger';
import { DEFAULT_VALIDATOR_OPTIONS } from '../validation/validate-body';

/**
 * Options of `createHandler` (and of `main.handler`, through a `handlerOptions` export).
 *
 * @example
 * ```ts
 * export const handlerOptions: HandlerOptions = { cors: true, maxBodyBytes: 256 * 1024 };
 * ```
 */
export interface HandlerOptions {
  /** CORS for browsers: `true` allows every origin; an object says exactly what. @defaultValue off */
  readonly cors?: CorsOptions | boolean;
  /** Largest request body accepted; larger ones get 413. @defaultValue 1048576 (1 MiB) */
  readonly maxBodyBytes?: number;
  /** A base path mapped on a custom domain (`/v1`), removed from REST API paths. @defaultValue none */
  readonly basePath?: string;
  /**
   * One JSON log line per request. @defaultValue on, unless the environment variable
   * `LAMBDA_CONTROLLERS_ACCESS_LOG` is `off`, `false` or `0`
   */
  readonly accessLog?: boolean;
  /** Where log lines go. @defaultValue JSON lines on stdout, filtered by `AWS_LAMBDA_LOG_LEVEL` */
  readonly logger?: Logger;
  /** class-validator options merged over the defaults (whitelist, forbid unknown properties). */
  readonly validator?: ValidatorOptions;
}

export interface ResolvedOptions {
  readonly cors: CorsPolicy | undefined;
  readonly maxBodyBytes: number;
  readonly basePath: string | undefined;
  readonly accessLog: boolean;
  readonly logger: Logger;
  readonly validator: ValidatorOptions;
}

const KNOWN = new Set(['cors', 'maxBodyBytes', 'basePath', 'accessLog', 'logger', 'validator']);

function fail(message: string): never {
  throw new HandlerOptionsError(`createHandler options: ${message}`);
}

/** Checks options and fills in defaults, so mistakes fail at cold start. */
export function resolveOptions(input: unknown): ResolvedOptions {
  if (input === undefined) return resolveOptions({});
  if (typeof input !== 'object' || input === null)
    fail(`expected an object; got ${JSON.stringify(input)}.`);
  const options = input as HandlerOptions;
  const unknown = Object.keys(options).filter((key) => !KNOWN.has(key));
  if (unknown.length > 0)
    fail(`unknown option ${JSON.stringify(unknown)}; known: ${[...KNOWN].join(', ')}.`);
  const { cors, maxBodyBytes = 1_048_576, basePath, accessLog, logger, validator } = options;
  if (!Number.isInteger(maxBodyBytes) || maxBodyBytes < 0) {
    fail(`maxBodyBytes must be a non-negative integer; got ${JSON.stringify(maxBodyBytes)}.`);
  }
  if (basePath !== undefined && (typeof basePath !== 'string' || !basePath.startsWith('/'))) {
    fail(`basePath must start with "/"; got ${JSON.stringify(basePath)}.`);
  }
  if (
    cors !== undefined &&
    typeof cors !== 'boolean' &&
    (typeof cors !== 'object' || cors === null)
  ) {
    fail(`cors must be true, false or an object; got ${JSON.stringify(cors)}.`);
  }
  return {
    cors:
      cors === true
        ? new CorsPolicy({})
        : typeof cors === 'object'
          ? new CorsPolicy(cors)
          : undefined,
    maxBodyBytes,
    basePath: basePath === '/' ? undefined : basePath?.replace(/\/+$/, ''),
    accessLog: accessLog ?? accessLogEnabled(process.env),
    logger: logger ?? withLogLevel(jsonLogger, process.env['AWS_LAMBDA_LOG_LEVEL']),
    validator: { ...DEFAULT_VALIDATOR_OPTIONS, ...validator },
  };
}
