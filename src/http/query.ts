import { tryDecodeFormComponent } from './encoding';

/** Decoded query parameters; a repeated key gives an array in arrival order. */
export type QueryParameters = Record<string, string | string[]>;

/** A query map as an event carries it: possibly `null`, values of any type. */
export type RawQueryMap = Readonly<Record<string, unknown>> | null | undefined;

/** Whether the values of an event's query maps still need percent-decoding. */
export type QueryMapEncoding = 'decoded' | 'encoded';

/**
 * Parses a raw query string as the client sent it (`application/x-www-form-urlencoded` rules).
 *
 * `a=1&a=2` gives `["1","2"]`, `+` becomes a space and `%2B` a plus, `flag` and `flag=` give `""`,
 * and a malformed escape stays as it was. One leading `?` is ignored (the Lambda function URL
 * documentation shows `rawQueryString` with one).
 *
 * @param raw - The query string, e.g. `rawQueryString`.
 * @returns A null-prototype map of decoded keys to decoded values.
 */
export function parseQueryString(raw: string): QueryParameters {
  const query: QueryParameters = Object.create(null);
  const text = raw.startsWith('?') ? raw.slice(1) : raw;
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const key = equals === -1 ? pair : pair.slice(0, equals);
    const value = equals === -1 ? '' : pair.slice(equals + 1);
    appendValue(query, tryDecodeFormComponent(key), tryDecodeFormComponent(value));
  }
  return query;
}

/**
 * Builds query parameters from an event's `multiValueQueryStringParameters` and
 * `queryStringParameters`.
 *
 * API Gateway payload 1.0 has already decoded both maps, so `'decoded'` keeps them as they are
 * (a value such as `100%` must not be decoded twice). The Application Load Balancer passes them as
 * the client sent them ("the load balancer does not decode them"), so `'encoded'` decodes keys
 * and values once. The multi-value map wins: the single-value one only holds the last value of
 * each key, so it only fills keys the other lacks.
 *
 * @param multi - Every value per key.
 * @param single - One value per key.
 * @param encoding - Whether the maps still need percent-decoding.
 * @returns A null-prototype map of keys to values, arrays for repeated keys.
 */
export function queryFromMaps(
  multi: RawQueryMap,
  single: RawQueryMap,
  encoding: QueryMapEncoding,
): QueryParameters {
  const decode = encoding === 'encoded' ? tryDecodeFormComponent : keep;
  const query: QueryParameters = Object.create(null);
  for (const [key, values] of entriesOf(multi)) {
    const list: readonly unknown[] = Array.isArray(values) ? values : [];
    for (const value of list) {
      if (typeof value === 'string') appendValue(query, decode(key), decode(value));
    }
  }
  const fromMulti = new Set(Object.keys(query));
  for (const [key, value] of entriesOf(single)) {
    const decodedKey = decode(key);
    if (typeof value === 'string' && !fromMulti.has(decodedKey)) {
      appendValue(query, decodedKey, decode(value));
    }
  }
  return query;
}

function appendValue(query: QueryParameters, key: string, value: string): void {
  const existing = query[key];
  if (existing === undefined) query[key] = value;
  else if (typeof existing === 'string') query[key] = [existing, value];
  else existing.push(value);
}

function entriesOf(map: RawQueryMap): Array<[string, unknown]> {
  return map === null || map === undefined ? [] : Object.entries(map);
}

function keep(text: string): string {
  return text;
}
