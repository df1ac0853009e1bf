import { DecoratorUsageError } from '../errors/config-errors';
import { getMetadataStore } from '../metadata/store';
import type { Guard } from '../middleware/guard';
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
    const owner = typeof target === 'function' ? target : target.constructor;
    const where = propertyKey === undefined ? owner.name : `${owner.name}.${String(propertyKey)}`;
    guards.forEach((candidate: unknown, index) => {
      if (typeof candidate !== 'function') {
        throw new DecoratorUsageError(
          `@UseGuards() on ${where}: argument ${index} is ${candidate === null ? 'null' : typeof candidate}, ` +
            'not a guard function.',
        );
      }
    });
    if (propertyKey !== undefined && typeof target === 'function') {
      throw new DecoratorUsageError(
        `@UseGuards() on static method ${where}: only route methods run guards.`,
      );
    }
    getMetadataStore().addGuards(owner, { propertyKey, guards: [...guards] });
  };
}
