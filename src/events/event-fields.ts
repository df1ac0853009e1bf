/** A JSON object read from an event; nothing about its fields is trusted. */
export type EventRecord = Readonly<Record<string, unknown>>;

const EMPTY: EventRecord = Object.freeze(Object.create(null));

/**
 * Narrows an event field to a plain object, so that a `null`, an array or a value of the wrong type
 * reads as absent.
 *
 * @param value - Any event field.
 * @returns The object, or `undefined`.
 */
function asRecord(value: unknown): EventRecord | undefined {
  return isRecord(value) ? value : undefined;
}

/**
 * Whether a value is a plain object (not `null`, not an array).
 *
 * @param value - Any value.
 * @returns `true` for objects whose fields can be read by name.
 */
export function isRecord(value: unknown): value is EventRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads an own field of an event object; inherited names (`constructor`, `__proto__`) and fields of
 * non-objects read as `undefined`.
 *
 * @param record - The object, or anything else.
 * @param key - The field name.
 * @returns The field's value.
 */
export function own(record: unknown, key: string): unknown {
  const object = asRecord(record);
  return object !== undefined && Object.hasOwn(object, key) ? object[key] : undefined;
}

/**
 * Reads an own field that must be a string.
 *
 * @param record - The object, or anything else.
 * @param key - The field name.
 * @returns The string, or `undefined` when absent or of another type.
 */
export function ownString(record: unknown, key: string): string | undefined {
  const value = own(record, key);
  return typeof value === 'string' ? value : undefined;
}

/**
 * Reads an own field that must be an object.
 *
 * @param record - The object, or anything else.
 * @param key - The field name.
 * @returns The object; an empty one when absent, `null` or of another type.
 */
export function ownRecord(record: unknown, key: string): EventRecord {
  return asRecord(own(record, key)) ?? EMPTY;
}

/**
 * Reads an own field that must be a map, keeping `null` as "absent" for the header and query
 * readers.
 *
 * @param record - The object, or anything else.
 * @param key - The field name.
 * @returns The map, or `undefined`.
 */
export function ownMap(record: unknown, key: string): EventRecord | undefined {
  return asRecord(own(record, key));
}

/**
 * Whether `domainName` is an `execute-api` endpoint (`{api-id}.execute-api.{region}.amazonaws.com`,
 * also the `vpce` form of private APIs), as opposed to a custom domain.
 *
 * @param domainName - `requestContext.domainName` or the `host` header.
 * @returns `true` for API Gateway's own host names.
 */
export function isExecuteApiHost(domainName: string | undefined): boolean {
  if (domainName === undefined) return false;
  const labels = domainName.toLowerCase().split('.');
  return labels.length >= 4 && labels[0] !== '' && labels[1] === 'execute-api';
}
