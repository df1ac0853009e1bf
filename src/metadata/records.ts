import type { JsonSchema } from './json-schema';

/** The HTTP methods a route decorator can declare. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

/** What a method decorator records: one route on one method of a controller. */
export interface RouteRecord {
  readonly method: HttpMethod;
  readonly path: string;
  readonly propertyKey: string | symbol;
}

export type ParamKind =
  | 'param'
  | 'query'
  | 'body'
  | 'headers'
  | 'req'
  | 'state'
  | 'principal'
  | 'claims';

/**
 * What a parameter decorator records. `dto` is set only by `Body(Dto)`, `stateKey` only by
 * `State(key)`.
 */
export interface ParamRecord {
  readonly kind: ParamKind;
  readonly propertyKey: string | symbol;
  readonly index: number;
  readonly name: string | undefined;
  readonly dto: (new () => object) | undefined;
  readonly stateKey?: { readonly name: string };
}

/**
 * Middleware as the metadata layer holds it, without knowing its type (which lives in a higher
 * layer): `Use` only records values of type `Middleware`.
 */
export type RecordedMiddleware = (context: never, next: never) => unknown;

/** What `Use` records: middleware for the whole class (`propertyKey` undefined) or one method. */
export interface UseRecord {
  readonly propertyKey: string | symbol | undefined;
  readonly middleware: readonly RecordedMiddleware[];
}

/**
 * A guard as the metadata layer holds it (its type lives in a higher layer): `UseGuards` only
 * records values of type `Guard`.
 */
export type RecordedGuard = (context: never) => unknown;

/** What `UseGuards` records: guards for the whole class (`propertyKey` undefined) or one method. */
export interface GuardRecord {
  readonly propertyKey: string | symbol | undefined;
  readonly guards: readonly RecordedGuard[];
}

/** What `Authorized` requires of the caller; `match` says whether all or any of them suffice. */
export interface AccessRequirement {
  readonly scopes: readonly string[];
  readonly groups: readonly string[];
  readonly match: 'all' | 'any';
}

/**
 * What `Authorized` (`kind: 'authorized'`) and `Public` (`kind: 'public'`) record, for the whole
 * class (`propertyKey` undefined) or one method.
 */
export type AccessRecord =
  | {
      readonly kind: 'authorized';
      readonly propertyKey: string | symbol | undefined;
      readonly requirement: AccessRequirement;
    }
  | { readonly kind: 'public'; readonly propertyKey: string | symbol };

/**
 * What `ApiResponse` documents as a body: a DTO class, a one-element tuple `[Dto]` meaning an
 * array of it, or a JSON Schema.
 *
 * @example
 * ```ts
 * const page: DocBody = [UserDto];
 * const count: DocBody = { type: 'integer', minimum: 0 };
 * ```
 */
export type DocBody = (new () => object) | readonly [new () => object] | JsonSchema;

/**
 * What a documentation decorator records (`ApiOperation`, `ApiTags`, `ApiResponse`, `ApiProblem`,
 * `ApiParam`). Only the OpenAPI builder reads these; routing never does.
 */
export type DocRecord =
  | {
      readonly kind: 'operation';
      readonly propertyKey: string | symbol;
      readonly summary: string | undefined;
      readonly description: string | undefined;
      readonly operationId: string | undefined;
      readonly deprecated: boolean | undefined;
    }
  | {
      readonly kind: 'tags';
      /** `undefined` for tags on the class, which apply to all its routes. */
      readonly propertyKey: string | symbol | undefined;
      readonly tags: readonly string[];
    }
  | {
      readonly kind: 'response';
      readonly propertyKey: string | symbol;
      readonly status: number;
      /** `true` for `ApiProblem`: the body is an RFC 9457 problem. */
      readonly problem: boolean;
      readonly body: DocBody | undefined;
      readonly description: string | undefined;
      /** Header name → description; each is documented as always sent. */
      readonly headers: Readonly<Record<string, string>>;
      /** The body's media type; `application/json` when absent. */
      readonly contentType?: string;
    }
  | {
      readonly kind: 'param';
      readonly propertyKey: string | symbol;
      readonly name: string;
      readonly in: 'path' | 'query' | 'header' | undefined;
      readonly description: string | undefined;
      readonly schema: JsonSchema | undefined;
      readonly required: boolean | undefined;
    };

/**
 * How returned class instances become plain data (class-transformer's `groups` and `strategy`),
 * as `SerializeOptions` and the handler's `serialize` option state it.
 *
 * @example
 * ```ts
 * const admin: SerializeSettings = { groups: ['admin'], strategy: 'excludeAll' };
 * ```
 */
export interface SerializeSettings {
  /** Properties exposed with `@Expose({ groups })` are sent only for one of these groups. */
  readonly groups?: readonly string[];
  /** `excludeAll` sends only `@Expose`d properties. @defaultValue `exposeAll` */
  readonly strategy?: 'exposeAll' | 'excludeAll';
}

/** What `SerializeOptions` records: settings for the whole class (`propertyKey` undefined) or one method. */
export interface SerializeRecord {
  readonly propertyKey: string | symbol | undefined;
  readonly settings: SerializeSettings;
}

/** Everything the decorators of one class wrote, in declaration order. */
export interface ControllerRecord {
  readonly routes: RouteRecord[];
  readonly params: ParamRecord[];
  readonly httpCodes: Map<string | symbol, number>;
  readonly docs: DocRecord[];
  /** In the order written (top to bottom), though decorators run bottom to top. */
  readonly uses: UseRecord[];
  /** In the order written, like `uses`. */
  readonly guards: GuardRecord[];
  readonly access: AccessRecord[];
  readonly serialize: SerializeRecord[];
}
