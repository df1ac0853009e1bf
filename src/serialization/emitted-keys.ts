import { TransformationType } from 'class-transformer';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import type { SerializeSettings } from '../metadata/records';

/**
 * The properties of a class instance `instanceToPlain` may send, groups aside (a superset): its
 * own keys unless the strategy is `excludeAll`, plus the `@Expose`d ones, minus the `@Exclude`d.
 * An excluded back-reference (`@Exclude() parent`) is thus no cycle of the body.
 */
export function emittedKeys(
  instance: object,
  strategy: SerializeSettings['strategy'],
): readonly string[] {
  const target: unknown = instance.constructor;
  if (typeof target !== 'function') return Object.keys(instance);
  const ofClass = defaultMetadataStorage.getStrategy(target);
  const effective = ofClass === 'none' ? (strategy ?? 'exposeAll') : ofClass;
  const exposed = defaultMetadataStorage.getExposedProperties(
    target,
    TransformationType.CLASS_TO_PLAIN,
  );
  const excluded = new Set(
    defaultMetadataStorage.getExcludedProperties(target, TransformationType.CLASS_TO_PLAIN),
  );
  const keys = effective === 'exposeAll' ? [...Object.keys(instance), ...exposed] : exposed;
  return [...new Set(keys)].filter((key) => !excluded.has(key));
}
