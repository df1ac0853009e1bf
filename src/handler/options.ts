import type { ValidatorOptions } from 'class-validator';
import { HandlerOptionsError } from '../errors/config-errors';
import { type CorsOptions, CorsPolicy } from '../http/cors';
import { type AuthOptions, resolveAuthOptions } from '../identity/auth-options';
import { createTokenVerifier, type TokenVerifier } from '../identity/token-verifier';
import { accessLogEnabled, withLogLevel } from '../logging/access-log';
import { jsonLogger, type Logger } from '../logging/logger';
import type { SerializeSettings } from '../metadata/records';
import { copySerializeSettings, serializeSettingsProblem } from '../metadata/serialize-settings';
import type { Middleware } from '../middleware/middleware';
import type { ControllerResolver } from '../routing/instantiate-controller';
import type { BodyValidatorOptions } from '../validation/compiled/compiled-body-validation';
import {
  DEFAULT_MAX_JSON_DEPTH,
  DEFAULT_MAX_JSON_KEYS,
  type JsonLimits,
} from '../validation/parse-json';
import { DEFAULT_VALIDATOR_OPTIONS } from '../validation/validate-body';

/**
 * class-transformer and class-validator recurse once per level; a thousand levels stay far from
 * the stack's end on every supported Node.js, several thousand do not.
 */
const MAX_JSON_DEPTH_LIMIT = 1_000;
/** At 100,000 members, class-transformer alone spends seconds on one object. */
const MAX_JSON_KEYS_LIMIT = 100_000;

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
  /**
   * Deepest nesting of arrays and objects a JSON body may have; deeper ones get 400 before any
   * parsing. At most 1000, since parsing and validation recurse once per level.
   * @defaultValue 64
   */
  readonly maxJsonDepth?: number;
  /**
   * Most members one JSON object in a body may have; a larger object gets 400 before any
   * parsing. At most 100,000: class-transformer's cost grows with the square of an object's
   * member count.
   * @defaultValue 1000
   */
  readonly maxJsonKeys?: number;
  /** A base path mapped on a custom domain (`/v1`), removed from REST API paths. @defaultValue none */
  readonly basePath?: string;
  /**
   * One JSON log line per request. @defaultValue on, unless the environment variable
   * `LAMBDA_CONTROLLERS_ACCESS_LOG` is `off`, `false` or `0`
   */
  readonly accessLog?: boolean;
  /** Where log lines go. @defaultValue JSON lines on stdout, filtered by `AWS_LAMBDA_LOG_LEVEL` */
  readonly logger?: Logger;
  /**
   * class-validator options merged over the defaults (whitelist, forbid unknown properties), and
   * `compile`: each DTO's rules are compiled into one synchronous function at its first request
   * (the same answers as class-validator, several times faster); `compile: false` keeps
   * class-validator for every body. `compile` is never passed on to class-validator.
   * @defaultValue whitelist, forbidNonWhitelisted, forbidUnknownValues; compile true
   * @example
   * ```ts
   * export const handlerOptions: HandlerOptions = { validator: { compile: false } };
   * ```
   */
  readonly validator?: BodyValidatorOptions;
  /**
   * Middleware around every request, outermost first, before any `@Use` middleware; it also
   * runs for the 404, 405 and OPTIONS answers. @defaultValue none
   */
  readonly middleware?: readonly Middleware[];
  /**
   * Verify the caller's token in the function, for sources no authorizer verified: bearer tokens
   * (`jwt`) and an Application Load Balancer's OIDC user claims (`alb`). An authorizer's
   * principal, when the event has one, comes first. @defaultValue none
   */
  readonly auth?: AuthOptions;
  /**
   * How returned class instances become JSON: the default `groups` and `strategy`, which
   * `@SerializeOptions` on a class or method overrides. @defaultValue `exposeAll`, no groups
   */
  readonly serialize?: SerializeSettings;
  /**
   * Makes each controller's instance, so a controller can take its collaborators in its
   * constructor: a hand-written factory or a container's `resolve`. Called once per controller
   * class, when the handler is created; it must return an instance of that class.
   * @defaultValue `new Controller()`
   * @example
   * ```ts
   * export const handlerOptions: HandlerOptions = {
   *   resolve: (Controller) => container.resolve(Controller),
   * };
   * ```
   */
  readonly resolve?: ControllerResolver;
}

export interface ResolvedOptions {
  readonly cors: CorsPolicy | undefined;
  readonly maxBodyBytes: number;
  /** `maxJsonDepth` and `maxJsonKeys`, as the JSON parser takes them. */
  readonly jsonLimits: JsonLimits;
  readonly basePath: string | undefined;
  readonly accessLog: boolean;
  readonly logger: Logger;
  readonly validator: ValidatorOptions;
  readonly middleware: readonly Middleware[];
  /** Built from `auth`; `undefined` when nothing is verified in the function. */
  readonly tokenVerifier: TokenVerifier | undefined;
  readonly serialize: SerializeSettings | undefined;
  readonly resolve: ControllerResolver | undefined;
}

const KNOWN = new Set([
  'cors',
  'maxBodyBytes',
  'maxJsonDepth',
  'maxJsonKeys',
  'basePath',
  'accessLog',
  'logger',
  'validator',
  'middleware',
  'auth',
  'serialize',
  'resolve',
]);

/** Functions do not survive `JSON.stringify`; name their type instead. */
function describeList(value: unknown): string {
  if (!Array.isArray(value)) return JSON.stringify(value) ?? typeof value;
  return `[${value.map((item) => (typeof item === 'function' ? 'function' : (JSON.stringify(item) ?? typeof item))).join(', ')}]`;
}

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
  const {
    cors,
    maxBodyBytes = 1_048_576,
    maxJsonDepth = DEFAULT_MAX_JSON_DEPTH,
    maxJsonKeys = DEFAULT_MAX_JSON_KEYS,
    basePath,
    accessLog,
    logger,
    validator,
    middleware = [],
    auth,
    serialize,
    resolve,
  } = options;
  if (!Number.isInteger(maxBodyBytes) || maxBodyBytes < 0) {
    fail(`maxBodyBytes must be a non-negative integer; got ${JSON.stringify(maxBodyBytes)}.`);
  }
  if (!Number.isInteger(maxJsonDepth) || maxJsonDepth < 1 || maxJsonDepth > MAX_JSON_DEPTH_LIMIT) {
    fail(
      `maxJsonDepth must be an integer from 1 to ${MAX_JSON_DEPTH_LIMIT}; got ${JSON.stringify(maxJsonDepth)}.`,
    );
  }
  if (!Number.isInteger(maxJsonKeys) || maxJsonKeys < 1 || maxJsonKeys > MAX_JSON_KEYS_LIMIT) {
    fail(
      `maxJsonKeys must be an integer from 1 to ${MAX_JSON_KEYS_LIMIT}; got ${JSON.stringify(maxJsonKeys)}.`,
    );
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
  const middlewareInput: unknown = middleware;
  if (
    !Array.isArray(middlewareInput) ||
    !middlewareInput.every((item) => typeof item === 'function')
  ) {
    fail(`middleware must be an array of functions; got ${describeList(middlewareInput)}.`);
  }
  const serializeProblem =
    serialize === undefined ? undefined : serializeSettingsProblem(serialize);
  if (serializeProblem !== undefined) fail(`serialize: ${serializeProblem}.`);
  if (resolve !== undefined && typeof resolve !== 'function') {
    fail(`resolve must be a function (Controller) => instance; got ${describeList(resolve)}.`);
  }
  return {
    cors:
      cors === true
        ? new CorsPolicy({})
        : typeof cors === 'object'
          ? new CorsPolicy(cors)
          : undefined,
    maxBodyBytes,
    jsonLimits: { maxDepth: maxJsonDepth, maxKeys: maxJsonKeys },
    basePath: basePath === '/' ? undefined : basePath?.replace(/\/+$/, ''),
    accessLog: accessLog ?? accessLogEnabled(process.env),
    logger: logger ?? withLogLevel(jsonLogger, process.env['AWS_LAMBDA_LOG_LEVEL']),
    validator: { ...DEFAULT_VALIDATOR_OPTIONS, ...validator },
    middleware: [...middleware],
    tokenVerifier: tokenVerifierOf(auth),
    serialize: serialize === undefined ? undefined : copySerializeSettings(serialize),
    resolve,
  };
}

function tokenVerifierOf(auth: unknown): TokenVerifier | undefined {
  const resolved = resolveAuthOptions(auth);
  return resolved === undefined ? undefined : createTokenVerifier(resolved);
}
