import type { AccessRecord, AccessRequirement, GuardRecord } from '../metadata/records';
import type { Guard } from '../middleware/guard';

/**
 * What a route requires of its caller: its method's `@Authorized` or `@Public`, else the nearest
 * class's `@Authorized` (records come method-level first, then class-level, nearest class first).
 * `undefined` means public.
 */
export function accessOf(
  records: readonly AccessRecord[],
  propertyKey: string | symbol,
): AccessRequirement | undefined {
  const ofMethod = records.find((record) => record.propertyKey === propertyKey);
  const rule = ofMethod ?? records.find((record) => record.propertyKey === undefined);
  return rule?.kind === 'authorized' ? rule.requirement : undefined;
}

/** Class-level guards, then the method's, each in the order written. */
export function guardsOf(records: readonly GuardRecord[], propertyKey: string | symbol): Guard[] {
  const ofClass = records.filter((record) => record.propertyKey === undefined);
  const ofMethod = records.filter((record) => record.propertyKey === propertyKey);
  // Only `UseGuards` writes these records, and it accepts `Guard` alone.
  return [...ofClass, ...ofMethod].flatMap((record) => record.guards as readonly Guard[]);
}
