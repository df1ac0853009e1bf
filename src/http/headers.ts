/** A header map as an event carries it: possibly `null`, values of any type. */
export type RawHeaderMap = Readonly<Record<string, unknown>> | null | undefined;

/**
 * Merges an event's single-value and multi-value header maps into one map with lower-case names.
 *
 * Repeated values are joined with `", "` (RFC 9110 list syntax), except `cookie`, whose pairs are
 * joined with `"; "` (RFC 6265 §5.4). Two spellings of one name (`Content-Type`, `content-type`)
 * merge. A `null` or absent map counts as empty; values that are not strings are ignored.
 *
 * @param single - `headers`: one value per name.
 * @param multi - `multiValueHeaders`: every value per name.
 * @returns A null-prototype map from lower-case name to value.
 */
export function normalizeHeaders(
  single: RawHeaderMap,
  multi: RawHeaderMap,
): Record<string, string> {
  if (multi === null || multi === undefined) return normalizeSingle(single);
  const values: Record<string, string[]> = Object.create(null);
  for (const [name, value] of entriesOf(multi)) {
    const strings = Array.isArray(value) ? value.filter(isString) : [];
    if (strings.length > 0) appendAll(values, name.toLowerCase(), strings);
  }
  // API Gateway REST puts the last value of each header in `headers` and all of them in
  // `multiValueHeaders`; reading both would count that value twice, so `headers` only fills
  // names the multi-value map lacks.
  const fromMulti = new Set(Object.keys(values));
  for (const [name, value] of entriesOf(single)) {
    const lower = name.toLowerCase();
    if (typeof value === 'string' && !fromMulti.has(lower)) appendAll(values, lower, [value]);
  }
  const headers: Record<string, string> = Object.create(null);
  for (const [name, list] of Object.entries(values)) headers[name] = list.join(separatorOf(name));
  return headers;
}

/**
 * The common case (HTTP API, function URL, single-value ALB): one pass, no intermediate lists.
 * Two spellings of one name still merge, in the order the map lists them.
 */
function normalizeSingle(single: RawHeaderMap): Record<string, string> {
  const headers: Record<string, string> = Object.create(null);
  if (single === null || single === undefined) return headers;
  for (const name of Object.keys(single)) {
    const value = single[name];
    if (typeof value !== 'string') continue;
    const lower = name.toLowerCase();
    const existing = headers[lower];
    headers[lower] = existing === undefined ? value : `${existing}${separatorOf(lower)}${value}`;
  }
  return headers;
}

/**
 * One header of a single-value map, by its lower-case name: what `normalizeHeaders(single,
 * undefined)[name]` gives (every spelling of the name, joined in the map's order), without
 * normalizing the other headers.
 *
 * @param single - The event's header map.
 * @param name - A lower-case header name.
 * @returns The header's value, or `undefined` when the map has none.
 */
export function singleHeader(single: RawHeaderMap, name: string): string | undefined {
  if (single === null || single === undefined) return undefined;
  let value: string | undefined;
  for (const key of Object.keys(single)) {
    // Only a name of the same length can be a spelling of it: most are skipped unread.
    if (key.length !== name.length) continue;
    const one = single[key];
    if (typeof one !== 'string' || key.toLowerCase() !== name) continue;
    value = value === undefined ? one : `${value}${separatorOf(name)}${one}`;
  }
  return value;
}

/**
 * The separator that joins repeated values of a request header.
 *
 * @param name - Lower-case header name.
 * @returns `"; "` for `cookie`, `", "` otherwise.
 */
export function separatorOf(name: string): string {
  return name === 'cookie' ? '; ' : ', ';
}

function entriesOf(map: RawHeaderMap): Array<[string, unknown]> {
  return map === null || map === undefined ? [] : Object.entries(map);
}

function appendAll(
  target: Record<string, string[]>,
  name: string,
  values: readonly string[],
): void {
  const existing = target[name];
  if (existing === undefined) target[name] = values.slice();
  else for (const value of values) existing.push(value);
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

/**
 * Sets one entry of a map that leaves the framework (a result's headers): a plain object, which
 * V8 builds, and the runtime's `JSON.stringify` writes, far faster than a null-prototype one. A
 * `__proto__` name, a valid header token, is defined rather than assigned, so it stays an entry.
 */
export function setEntry<V>(target: Record<string, V>, name: string, value: V): void {
  if (name === '__proto__') {
    Object.defineProperty(target, name, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    target[name] = value;
  }
}
