import type { SerializeSettings } from '../metadata/records';
import { classChainOf, getMetadataStore } from '../metadata/store';

/**
 * The `SerializeOptions` of one route, merged setting by setting: a base class's, then its
 * subclasses', then the method's, each overriding the one before. `undefined` when none apply,
 * so the handler's default stands alone.
 */
export function serializeSettingsOf(
  controller: object,
  propertyKey: string | symbol,
): SerializeSettings | undefined {
  const store = getMetadataStore();
  const records = classChainOf(controller)
    .reverse()
    .flatMap((current) => store.get(current)?.serialize ?? []);
  const applying = [
    ...records.filter((record) => record.propertyKey === undefined),
    ...records.filter((record) => record.propertyKey === propertyKey),
  ];
  if (applying.length === 0) return undefined;
  const merged: { -readonly [K in keyof SerializeSettings]: SerializeSettings[K] } = {};
  for (const { settings } of applying) Object.assign(merged, settings);
  return Object.freeze(merged);
}
