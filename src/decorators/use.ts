import { DecoratorUsageError } from '../errors/config-errors';
import { getMetadataStore } from '../metadata/store';
import type { Middleware } from '../middleware/middleware';
import { assertLegacyDecorator } from './legacy-guard';

/**
 * Runs middleware around the routes of a class, or around one method. The chain of a route is
 * the global middleware (`createHandler` options), then its class's, then its method's, each in
 * the order written; it is composed once, when the handler is created.
 *
 * @param middleware - The middleware, outermost first.
 * @returns A decorator for a controller class or a route method.
 * @throws DecoratorUsageError when a value given is not a function.
 * @example
 * ```ts
 * @Use(audit)
 * class OrdersController {
 *   @Get('/orders/{id}') @Use(timing) get(@Param('id') id: string) { ... }
 * }
 * ```
 */
export function Use(...middleware: Middleware[]): ClassDecorator & MethodDecorator {
  return (target: object, propertyKey?: string | symbol): void => {
    assertLegacyDecorator('Use', [target, propertyKey]);
    const owner = typeof target === 'function' ? target : target.constructor;
    const where = propertyKey === undefined ? owner.name : `${owner.name}.${String(propertyKey)}`;
    middleware.forEach((candidate: unknown, index) => {
      if (typeof candidate !== 'function') {
        throw new DecoratorUsageError(
          `@Use() on ${where}: argument ${index} is ${candidate === null ? 'null' : typeof candidate}, ` +
            'not a middleware function.',
        );
      }
    });
    if (propertyKey !== undefined && typeof target === 'function') {
      throw new DecoratorUsageError(
        `@Use() on static method ${where}: only route methods run middleware.`,
      );
    }
    getMetadataStore().addUse(owner, { propertyKey, middleware: [...middleware] });
  };
}
