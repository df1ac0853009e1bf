import { DecoratorUsageError } from '../errors/config-errors';
import type { SerializeSettings } from '../metadata/records';
import { copySerializeSettings, serializeSettingsProblem } from '../metadata/serialize-settings';
import { getMetadataStore } from '../metadata/store';
import { decorationSite } from './decoration-site';
import { assertLegacyDecorator } from './legacy-guard';

/**
 * Sets how the class instances a route returns are turned into plain data (class-transformer's
 * `instanceToPlain`): the `groups` that select `@Expose({ groups })` properties, and the
 * `strategy`. On a class it applies to all its routes; on a method it overrides the class's
 * settings one by one; both override the handler's `serialize` option.
 *
 * @param settings - `groups` and/or `strategy`.
 * @returns A decorator for a controller class or a route method.
 * @throws DecoratorUsageError when the settings are not `{ groups?: string[], strategy? }`.
 * @example
 * ```ts
 * @SerializeOptions({ groups: ['admin'] })
 * @Get('/admin/users/{id}') get(@Param('id') id: string): Promise<User> { ... }
 * ```
 */
export function SerializeOptions(settings: SerializeSettings): ClassDecorator & MethodDecorator {
  return (target: object, propertyKey?: string | symbol): void => {
    assertLegacyDecorator('SerializeOptions', [target, propertyKey]);
    const { owner, where } = decorationSite(target, propertyKey);
    const problem = serializeSettingsProblem(settings);
    if (problem !== undefined) {
      throw new DecoratorUsageError(`@SerializeOptions() on ${where}: ${problem}.`);
    }
    getMetadataStore().addSerialize(owner, {
      propertyKey,
      settings: copySerializeSettings(settings),
    });
  };
}
