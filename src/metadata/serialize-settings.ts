import type { SerializeSettings } from './records';

const STRATEGIES: ReadonlySet<unknown> = new Set(['exposeAll', 'excludeAll']);
const KNOWN_KEYS: ReadonlySet<string> = new Set(['groups', 'strategy']);

/**
 * What is wrong with `value` as serialize settings, or `undefined` when nothing is: the decorator
 * and the handler option refuse the same mistakes with the same words.
 */
export function serializeSettingsProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return `expected an object with groups and/or strategy; got ${JSON.stringify(value) ?? typeof value}`;
  }
  const unknown = Object.keys(value).filter((key) => !KNOWN_KEYS.has(key));
  if (unknown.length > 0)
    return `unknown setting ${JSON.stringify(unknown)}; known: groups, strategy`;
  const groups: unknown = Reflect.get(value, 'groups');
  if (
    groups !== undefined &&
    (!Array.isArray(groups) || !groups.every((group) => typeof group === 'string'))
  ) {
    return `groups must be an array of strings; got ${JSON.stringify(groups)}`;
  }
  const strategy: unknown = Reflect.get(value, 'strategy');
  if (strategy !== undefined && !STRATEGIES.has(strategy)) {
    return `strategy must be "exposeAll" or "excludeAll"; got ${JSON.stringify(strategy)}`;
  }
  return undefined;
}

/** A frozen copy, so a caller changing its object later changes nothing here. */
export function copySerializeSettings(settings: SerializeSettings): SerializeSettings {
  return Object.freeze({
    ...(settings.groups === undefined ? {} : { groups: Object.freeze([...settings.groups]) }),
    ...(settings.strategy === undefined ? {} : { strategy: settings.strategy }),
  });
}
