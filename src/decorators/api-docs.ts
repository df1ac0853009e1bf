import { DecoratorUsageError } from '../errors/config-errors';
import type { JsonSchema } from '../metadata/json-schema';
import type { DocBody, DocRecord } from '../metadata/records';
import { getMetadataStore } from '../metadata/store';
import { assertLegacyDecorator } from './legacy-guard';

/**
 * What `ApiOperation` documents about a route.
 *
 * @example
 * ```ts
 * const options: ApiOperationOptions = { summary: 'One user by id', operationId: 'getUser' };
 * ```
 */
export interface ApiOperationOptions {
  /** One line, shown next to the route in documentation tools. */
  readonly summary?: string;
  /** Longer text; CommonMark is allowed. */
  readonly description?: string;
  /** @defaultValue `<Class>_<method>` */
  readonly operationId?: string;
  readonly deprecated?: boolean;
}

/**
 * What `ApiResponse` and `ApiProblem` take besides the status.
 *
 * @example
 * ```ts
 * @ApiResponse(201, UserDto, { description: 'Created.', headers: { Location: 'The new user.' } })
 * ```
 */
export interface ApiResponseOptions {
  /** @defaultValue the status's reason phrase */
  readonly description?: string;
  /** Headers the response always carries: name → description. */
  readonly headers?: Readonly<Record<string, string>>;
  /** The body's media type, for a streamed or non-JSON body. @defaultValue `application/json` */
  readonly contentType?: string;
}

/**
 * What `ApiParam` documents about a path, query or header parameter.
 *
 * @example
 * ```ts
 * @ApiParam('limit', { description: 'Page size', schema: { type: 'integer', minimum: 1, maximum: 100 } })
 * ```
 */
export interface ApiParamOptions {
  /** @defaultValue where the route binds it, else `'query'` */
  readonly in?: 'path' | 'query' | 'header';
  readonly description?: string;
  /** Replaces the schema inferred from the declared type (e.g. to add `minimum`). */
  readonly schema?: JsonSchema;
  /** @defaultValue `true` for path parameters, `false` otherwise */
  readonly required?: boolean;
}

type DocTarget = { readonly controller: object; readonly propertyKey: string | symbol };

/** Checks that a method decorator sits on an instance method; returns its class and key. */
function methodTarget(decorator: string, args: readonly unknown[]): DocTarget {
  assertLegacyDecorator(decorator, args);
  const [target, propertyKey] = args;
  if (
    typeof target !== 'object' ||
    target === null ||
    (typeof propertyKey !== 'string' && typeof propertyKey !== 'symbol')
  ) {
    throw new DecoratorUsageError(
      `@${decorator} is not on an instance method: it documents a route method.`,
    );
  }
  return { controller: target.constructor, propertyKey };
}

function assertStatus(decorator: string, status: number, min: number): void {
  if (!Number.isInteger(status) || status < min || status > 599) {
    throw new DecoratorUsageError(
      `@${decorator}(${JSON.stringify(status)}): the status must be an integer from ${min} to 599.`,
    );
  }
}

function record(controller: object, doc: DocRecord): void {
  getMetadataStore().addDoc(controller, doc);
}

/**
 * Documents a route's summary, description, operation id or deprecation in the OpenAPI document.
 * It never changes how the route is served.
 *
 * @param options - The texts and flags to document.
 * @returns A method decorator.
 * @example
 * ```ts
 * @Get('/users/{id}') @ApiOperation({ summary: 'One user by id' }) get(@Param('id') id: string) { ... }
 * ```
 */
export function ApiOperation(options: ApiOperationOptions): MethodDecorator {
  return (...args: unknown[]): void => {
    const { controller, propertyKey } = methodTarget('ApiOperation', args);
    record(controller, {
      kind: 'operation',
      propertyKey,
      summary: options.summary,
      description: options.description,
      operationId: options.operationId,
      deprecated: options.deprecated,
    });
  };
}

/**
 * Groups routes under OpenAPI tags. On a class, the tags apply to each of its routes.
 *
 * @param tags - Tag names.
 * @returns A class or method decorator.
 * @example
 * ```ts
 * @ApiTags('users') class UsersController { ... }
 * ```
 */
export function ApiTags(...tags: string[]): ClassDecorator & MethodDecorator {
  return (...args: unknown[]): void => {
    const [target, key] = args;
    if (typeof target === 'function' && key === undefined) {
      record(target, { kind: 'tags', propertyKey: undefined, tags });
      return;
    }
    const { controller, propertyKey } = methodTarget('ApiTags', args);
    record(controller, { kind: 'tags', propertyKey, tags });
  };
}

/**
 * Documents a successful response: its status, body and headers. Once a route has one, its
 * successes are exactly those declared; without any, the OpenAPI document shows the route's
 * `@HttpCode` (or 200) with an unspecified JSON body.
 *
 * @param status - An integer from 100 to 599; use `ApiProblem` for errors.
 * @param body - A DTO class, `[Dto]` for an array of it, a JSON Schema, or nothing for no body.
 * @param options - Description and headers.
 * @returns A method decorator.
 * @example
 * ```ts
 * @Post('/users')
 * @ApiResponse(201, UserDto, { headers: { Location: 'The new user: /users/{id}' } })
 * create(@Body() body: CreateUserDto) { ... }
 * ```
 */
export function ApiResponse(
  status: number,
  body?: DocBody,
  options: ApiResponseOptions = {},
): MethodDecorator {
  assertStatus('ApiResponse', status, 100);
  return (...args: unknown[]): void => {
    const { controller, propertyKey } = methodTarget('ApiResponse', args);
    record(controller, {
      kind: 'response',
      propertyKey,
      status,
      problem: false,
      body,
      description: options.description,
      headers: options.headers ?? {},
      ...(options.contentType === undefined ? {} : { contentType: options.contentType }),
    });
  };
}

/**
 * Documents an error response (`application/problem+json`) the route's own code produces, such
 * as 409 from a `ConflictError`. The framework's own errors (400, 404, 405, 413, 415, 500) are
 * documented without it; declaring one of them replaces its description.
 *
 * @param status - An integer from 400 to 599.
 * @param description - When the route answers it.
 * @param options - Headers the response carries (e.g. `Retry-After`).
 * @returns A method decorator.
 * @example
 * ```ts
 * @Post('/users') @ApiProblem(409, 'A user with this email already exists.') create(...) { ... }
 * ```
 */
export function ApiProblem(
  status: number,
  description?: string,
  options: Pick<ApiResponseOptions, 'headers'> = {},
): MethodDecorator {
  assertStatus('ApiProblem', status, 400);
  return (...args: unknown[]): void => {
    const { controller, propertyKey } = methodTarget('ApiProblem', args);
    record(controller, {
      kind: 'response',
      propertyKey,
      status,
      problem: true,
      body: undefined,
      description,
      headers: options.headers ?? {},
    });
  };
}

/**
 * Documents a parameter beyond what its declared type says: a description, a tighter schema, or
 * a parameter the route reads without binding it (from `@Query()` or `@Req()`).
 *
 * @param name - The parameter's name.
 * @param options - Where it is, its description and schema.
 * @returns A method decorator.
 * @example
 * ```ts
 * @Get('/users')
 * @ApiParam('limit', { description: 'Page size', schema: { type: 'integer', minimum: 1, maximum: 100 } })
 * list(@Query('limit') limit?: number) { ... }
 * ```
 */
export function ApiParam(name: string, options: ApiParamOptions = {}): MethodDecorator {
  return (...args: unknown[]): void => {
    const { controller, propertyKey } = methodTarget('ApiParam', args);
    record(controller, {
      kind: 'param',
      propertyKey,
      name,
      in: options.in,
      description: options.description,
      schema: options.schema,
      required: options.required,
    });
  };
}
