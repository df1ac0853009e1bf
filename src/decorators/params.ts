import { DecoratorUsageError } from '../errors/config-errors';
import type { ParamKind } from '../metadata/records';
import { getMetadataStore } from '../metadata/store';
import type { StateKey } from '../middleware/state';
import { assertLegacyDecorator } from './legacy-guard';

function createParamDecorator(
  kind: ParamKind,
  decoratorName: string,
  name: string | undefined,
  dto: (new () => object) | undefined,
  stateKey?: StateKey<unknown>,
): ParameterDecorator {
  return (target: object, propertyKey: string | symbol | undefined, index: number): void => {
    assertLegacyDecorator(decoratorName, [target, propertyKey]);
    if (propertyKey === undefined || typeof target === 'function') {
      throw new DecoratorUsageError(
        `@${decoratorName}() is on a constructor or static method parameter of ` +
          `${typeof target === 'function' ? target.name : target.constructor.name}: only route ` +
          'method parameters can be bound.',
      );
    }
    getMetadataStore().addParam(target.constructor, {
      kind,
      propertyKey,
      index,
      name,
      dto,
      ...(stateKey === undefined ? {} : { stateKey }),
    });
  };
}

/**
 * Binds a path parameter, percent-decoded. A parameter declared `number` or `boolean` is coerced;
 * a value that cannot be coerced answers 400.
 *
 * @param name - The name inside braces in the route template, e.g. `'id'` for `'/users/{id}'`.
 * @returns A parameter decorator.
 * @example
 * ```ts
 * @Get('/users/{id}') get(@Param('id') id: string) { ... }
 * ```
 */
export function Param(name: string): ParameterDecorator {
  return createParamDecorator('param', 'Param', name, undefined);
}

/**
 * Binds one query parameter by name, or all of them as an object when called without a name.
 * Repeated keys give arrays. A parameter declared `number` or `boolean` is coerced (400 when it
 * cannot be); one declared as an array always receives an array; a scalar declared parameter
 * that arrives more than once answers 400.
 *
 * @param name - The query key; omit it to receive every parameter.
 * @returns A parameter decorator.
 * @example
 * ```ts
 * @Get('/users') list(@Query('limit') limit?: number, @Query() all?: Record<string, string | string[]>) { ... }
 * ```
 */
export function Query(name?: string): ParameterDecorator {
  return createParamDecorator('query', 'Query', name, undefined);
}

/**
 * Binds the JSON body, transformed with class-transformer into the DTO class and validated with
 * class-validator. Without an argument the class comes from the parameter's declared type, which
 * needs a build that emits decorator metadata. A parameter declared `string` receives the raw
 * text and one declared `Buffer` the raw bytes, without validation.
 *
 * @param dto - The DTO class, when you want to name it explicitly.
 * @returns A parameter decorator.
 * @throws at cold start when the DTO class cannot be determined.
 * @example
 * ```ts
 * @Post('/users') create(@Body() user: CreateUserDto) { ... }
 * ```
 */
export function Body(dto?: new () => object): ParameterDecorator {
  return createParamDecorator('body', 'Body', undefined, dto);
}

/**
 * Binds one request header (name matched case-insensitively), or all headers with lower-case
 * names when called without a name.
 *
 * @param name - The header name, in any case.
 * @returns A parameter decorator.
 * @example
 * ```ts
 * @Get('/me') me(@Headers('authorization') auth?: string) { ... }
 * ```
 */
export function Headers(name?: string): ParameterDecorator {
  return createParamDecorator('headers', 'Headers', name?.toLowerCase(), undefined);
}

/**
 * Binds the normalized request: `{ method, path, headers, query, cookies, body, sourceIp,
 * sourceRequestId, event, context }`.
 *
 * @returns A parameter decorator.
 * @example
 * ```ts
 * @Get('/whoami') whoami(@Req() req: LambdaHttpRequest) { return { ip: req.sourceIp }; }
 * ```
 */
export function Req(): ParameterDecorator {
  return createParamDecorator('req', 'Req', undefined, undefined);
}

/**
 * Binds a value middleware stored for this request with `ctx.state.set(key, value)`, or
 * `undefined` when none did.
 *
 * @param key - The key made by `createStateKey`.
 * @returns A parameter decorator.
 * @throws DecoratorUsageError when `key` is not a key from `createStateKey`.
 * @example
 * ```ts
 * const TenantKey = createStateKey<string>('tenant');
 * @Get('/orders') list(@State(TenantKey) tenant: string) { ... }
 * ```
 */
export function State<T>(key: StateKey<T>): ParameterDecorator {
  const candidate: unknown = key;
  if (typeof candidate !== 'object' || candidate === null || !('name' in candidate)) {
    throw new DecoratorUsageError(
      `@State() needs a key made by createStateKey(); got ${JSON.stringify(candidate)}.`,
    );
  }
  return createParamDecorator('state', 'State', undefined, undefined, key);
}

/**
 * Binds the caller's principal: who the authorizer in front of the function verified (a JWT or
 * Cognito authorizer, a Lambda authorizer, IAM), in one shape for every event source; `undefined`
 * when there is none. It is read from the event only for routes that ask for it, once per request.
 *
 * @returns A parameter decorator.
 * @example
 * ```ts
 * @Get('/me') me(@Principal() principal?: Principal) {
 *   return { subject: principal?.subject, scopes: principal?.scopes ?? [] };
 * }
 * ```
 */
export function Principal(): ParameterDecorator {
  return createParamDecorator('principal', 'Principal', undefined, undefined);
}

/**
 * Binds one claim of the caller's token by name, or all its claims without a name; `undefined`
 * without a principal. API Gateway passes every claim as a string, so `exp` arrives as `"1700000000"`.
 *
 * @param name - The claim, e.g. `'email'` or `'cognito:username'`; omit it for all claims.
 * @returns A parameter decorator.
 * @example
 * ```ts
 * @Get('/me/email') email(@Claims('email') email?: string) { return { email }; }
 * ```
 */
export function Claims(name?: string): ParameterDecorator {
  return createParamDecorator('claims', 'Claims', name, undefined);
}
