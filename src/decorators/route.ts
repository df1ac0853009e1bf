import { DecoratorUsageError } from '../errors/config-errors';
import type { HttpMethod } from '../metadata/records';
import { getMetadataStore } from '../metadata/store';
import { assertLegacyDecorator } from './legacy-guard';

function createRouteDecorator(method: HttpMethod, decoratorName: string) {
  return (path: string): MethodDecorator =>
    (target: object, propertyKey: string | symbol): void => {
      assertLegacyDecorator(decoratorName, [target, propertyKey]);
      if (typeof target === 'function') {
        throw new DecoratorUsageError(
          `@${decoratorName}(${JSON.stringify(path)}) is on static method ${String(propertyKey)} of ` +
            `${target.name}: routes must be instance methods.`,
        );
      }
      getMetadataStore().addRoute(target.constructor, { method, path, propertyKey });
    };
}

/**
 * Routes `GET` requests for an API-Gateway-style path template to the decorated method. `HEAD`
 * requests are served by `GET` routes unless a `@Head` route exists.
 *
 * @param path - Template such as `'/users'`, `'/users/{id}'` or greedy `'/files/{path+}'`.
 * @returns A method decorator.
 * @example
 * ```ts
 * class routes {
 *   @Get('/users/{id}') get(@Param('id') id: string) { return { id }; }
 * }
 * ```
 */
export const Get = createRouteDecorator('GET', 'Get');
/**
 * Routes `POST` requests for an API-Gateway-style path template to the decorated method.
 *
 * @param path - Template such as `'/users'` or `'/users/{id}/notes'`.
 * @returns A method decorator.
 * @example
 * ```ts
 * @Post('/users') @HttpCode(201) create(@Body() user: CreateUserDto) { return users.create(user); }
 * ```
 */
export const Post = createRouteDecorator('POST', 'Post');
/**
 * Routes `PUT` requests for an API-Gateway-style path template to the decorated method.
 *
 * @param path - Template such as `'/users/{id}'`.
 * @returns A method decorator.
 * @example
 * ```ts
 * @Put('/users/{id}') replace(@Param('id') id: string, @Body() user: UserDto) { return users.put(id, user); }
 * ```
 */
export const Put = createRouteDecorator('PUT', 'Put');
/**
 * Routes `PATCH` requests for an API-Gateway-style path template to the decorated method.
 *
 * @param path - Template such as `'/users/{id}'`.
 * @returns A method decorator.
 * @example
 * ```ts
 * @Patch('/users/{id}') rename(@Param('id') id: string, @Body() change: RenameDto) { ... }
 * ```
 */
export const Patch = createRouteDecorator('PATCH', 'Patch');
/**
 * Routes `DELETE` requests for an API-Gateway-style path template to the decorated method.
 *
 * @param path - Template such as `'/users/{id}'`.
 * @returns A method decorator.
 * @example
 * ```ts
 * @Delete('/users/{id}') remove(@Param('id') id: string) { users.remove(id); } // 204
 * ```
 */
export const Delete = createRouteDecorator('DELETE', 'Delete');
/**
 * Routes `HEAD` requests for a path template to the decorated method, taking precedence over the
 * `GET` route's implicit HEAD (which runs `GET` and drops the body).
 *
 * @param path - Template such as `'/files/{path+}'`.
 * @returns A method decorator.
 * @example
 * ```ts
 * @Head('/files/{path+}') exists(@Param('path') path: string) {
 *   return new HttpResponse({ status: files.has(path) ? 200 : 404 });
 * }
 * ```
 */
export const Head = createRouteDecorator('HEAD', 'Head');
/**
 * Routes `OPTIONS` requests for a path template to the decorated method, taking precedence over
 * the automatic answer and CORS preflight.
 *
 * @param path - Template such as `'/users'`.
 * @returns A method decorator.
 * @example
 * ```ts
 * @Options('/users') options() { return new HttpResponse({ status: 204, headers: { allow: 'GET, POST' } }); }
 * ```
 */
export const Options = createRouteDecorator('OPTIONS', 'Options');
