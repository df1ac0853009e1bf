import { getMetadataStore } from '../metadata/store';
import type { Middleware } from '../middleware/middleware';
import { assertFunctionsOnRoute, decorationSite } from './decoration-site';
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
    assertFunctionsOnRoute('Use', 'middleware', middleware, target, propertyKey);
    const { owner } = decorationSite(target, propertyKey);
    getMetadataStore().addUse(owner, { propertyKey, middleware: [...middleware] });
  };
}
