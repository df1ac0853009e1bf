import { DecoratorUsageError } from '../errors/config-errors';

/** Where a class-or-method decorator was applied: the class, and its name for messages. */
export interface DecorationSite {
  /** The controller class, for a decorator on the class or on one of its methods. */
  readonly owner: object;
  /** `Orders` or `Orders.get`. */
  readonly where: string;
}

/** The class a decorator was applied to, or the class of the method it was applied to. */
export function decorationSite(
  target: object,
  propertyKey: string | symbol | undefined,
): DecorationSite {
  const owner = typeof target === 'function' ? target : target.constructor;
  const where = propertyKey === undefined ? owner.name : `${owner.name}.${String(propertyKey)}`;
  return { owner, where };
}

/**
 * Refuses what `@Use` and `@UseGuards` cannot take: a value that is not a function, or a static
 * method (only route methods run middleware and guards).
 *
 * @param what - `middleware` or `guard`, for the messages.
 */
export function assertFunctionsOnRoute(
  decorator: string,
  what: 'middleware' | 'guard',
  values: readonly unknown[],
  target: object,
  propertyKey: string | symbol | undefined,
): void {
  const { where } = decorationSite(target, propertyKey);
  values.forEach((candidate, index) => {
    if (typeof candidate !== 'function') {
      throw new DecoratorUsageError(
        `@${decorator}() on ${where}: argument ${index} is ${candidate === null ? 'null' : typeof candidate}, ` +
          `not a ${what} function.`,
      );
    }
  });
  if (propertyKey !== undefined && typeof target === 'function') {
    const runs = what === 'middleware' ? 'run middleware' : 'run guards';
    throw new DecoratorUsageError(
      `@${decorator}() on static method ${where}: only route methods ${runs}.`,
    );
  }
}
