import { DecoratorUsageError } from '../errors/config-errors';
import { getMetadataStore } from '../metadata/store';
import { assertLegacyDecorator } from './legacy-guard';

/**
 * Sets the status of a successful response when the method returns a plain value (default 200)
 * or `undefined` (default 204). An `HttpResponse` return keeps its own status.
 *
 * @param status - An integer from 200 to 599.
 * @returns A method decorator.
 * @example
 * ```ts
 * @Post('/users') @HttpCode(201) create(@Body() user: CreateUserDto) { ... }
 * ```
 */
export function HttpCode(status: number): MethodDecorator {
  return (target: object, propertyKey: string | symbol): void => {
    assertLegacyDecorator('HttpCode', [target, propertyKey]);
    if (!Number.isInteger(status) || status < 200 || status > 599) {
      throw new DecoratorUsageError(
        `@HttpCode(${JSON.stringify(status)}) on ${String(propertyKey)}: the status must be an ` +
          'integer from 200 to 599.',
      );
    }
    getMetadataStore().setHttpCode(target.constructor, propertyKey, status);
  };
}
