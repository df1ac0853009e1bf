import { TransformationType } from 'class-transformer';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import type { SerializeSettings } from '../metadata/records';

/** One property of a response DTO as a client receives it. */
export interface SerializedProperty {
  /** The class's property, whose validators describe the value. */
  readonly property: string;
  /** The name it is sent under: `@Expose({ name })`, else the property's own. */
  readonly name: string;
}

/** The view key of serialize settings: routes with equal settings share components. */
export function viewKeyOf(settings: SerializeSettings): string {
  return `out:${settings.strategy ?? 'exposeAll'}:${[...(settings.groups ?? [])].sort().join(',')}`;
}

/**
 * The properties of `dto` that `instanceToPlain` sends under `settings`, by the rules
 * class-transformer applies: the documented (validated) properties unless the strategy is
 * `excludeAll`, plus the `@Expose`d ones, minus the `@Exclude`d, filtered by groups, renamed.
 *
 * @param documented - The properties the class's validators describe.
 */
export function serializedProperties(
  dto: new () => object,
  documented: readonly string[],
  settings: SerializeSettings,
): SerializedProperty[] {
  const ofClass = defaultMetadataStorage.getStrategy(dto);
  const strategy = ofClass === 'none' ? (settings.strategy ?? 'exposeAll') : ofClass;
  const toPlain = TransformationType.CLASS_TO_PLAIN;
  const exposed = defaultMetadataStorage.getExposedProperties(dto, toPlain);
  const excluded = new Set(defaultMetadataStorage.getExcludedProperties(dto, toPlain));
  const candidates = new Set(strategy === 'exposeAll' ? [...documented, ...exposed] : exposed);
  const groups = settings.groups ?? [];
  const sent: SerializedProperty[] = [];
  for (const property of candidates) {
    if (excluded.has(property)) continue;
    const options = defaultMetadataStorage.findExposeMetadata(dto, property)?.options;
    const only = options?.groups;
    const inGroups =
      groups.length > 0
        ? only === undefined || only.some((group) => groups.includes(group))
        : only === undefined || only.length === 0;
    if (!inGroups) continue;
    sent.push({ property, name: options?.name ?? property });
  }
  return sent;
}
