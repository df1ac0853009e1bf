import { getMetadataStore } from '../metadata/store';
import type { Guard } from '../middleware/guard';
import { assertFunctionsOnRoute, decorationSite } from './decoration-site';
import { assertLegacyDecorator } from './legacy-guard';

/**
 * Runs guards before the routes of a class, or before one method: the class's first, then the
 * method's, each in the order written, after every middleware and after `@Authorized`. The first
 * guard that answers `false` stops the request with 403.
 *
 * @param guards - The guards, in the order they run.
 * @returns A decorator for a controller class or a route method.
 * @throws DecoratorUsageError when a value given is not a function.
 * @example
 * ```ts
 * const businessHours: Guard = () => new Date().getUTCHours() >= 8;
 * @UseGuards(businessHours)
 * class TradesController { ... }
 * ```
 */
export function UseGuards(...guards: Guard[]): ClassDecorator & MethodDecorator {
  return (target: object, propertyKey?: string | symbol): void => {
    assertLegacyDecorator('UseGuards', [target, propertyKey]);
    assertFunctionsOnRoute('UseGuards', 'guard', guards, target, propertyKey);
    const { owner } = decorationSite(target, propertyKey);
    getMetadataStore().addGuards(owner, { propertyKey, guards: [...guards] });
  };
}
