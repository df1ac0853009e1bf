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
/** Routes `POST` requests for `path` to the decorated method. @see {@link Get} */
export const Post = createRouteDecorator('POST', 'Post');
/** Routes `PUT` requests for `path` to the decorated method. @see {@link Get} */
export const Put = createRouteDecorator('PUT', 'Put');
/** Routes `PATCH` requests for `path` to the decorated method. @see {@link Get} */
export const Patch = createRouteDecorator('PATCH', 'Patch');
/** Routes `DELETE` requests for `path` to the decorated method. @see {@link Get} */
export const Delete = createRouteDecorator('DELETE', 'Delete');
/** Routes `HEAD` requests for `path`, taking precedence over the `GET` route's implicit HEAD. */
export const Head = createRouteDecorator('HEAD', 'Head');
/** Routes `OPTIONS` requests for `path`, taking precedence over the automatic answer and CORS. */
export const Options = createRouteDecorator('OPTIONS', 'Options');
