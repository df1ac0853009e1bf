import type { ClientRequest } from '../test-request';

/**
 * The client's header lines plus those the service adds or fills in: `host`, the caller's address
 * appended to `x-forwarded-for`, `x-forwarded-proto`/`-port`, a trace id, and `content-length`.
 */
export function serviceHeaders(
  request: ClientRequest,
  host: string,
): Array<readonly [string, string]> {
  const given = new Set(request.headers.map(([name]) => name));
  const forwarded = request.headers.find(([name]) => name === 'x-forwarded-for');
  const added: Array<readonly [string, string]> = [
    ...(given.has('host') ? [] : [['host', host] as const]),
    ...(given.has('user-agent') ? [] : [['user-agent', 'lambda-controllers-test-client'] as const]),
    ['x-amzn-trace-id', `Root=1-00000000-${request.requestId.replaceAll('-', '').slice(0, 24)}`],
    [
      'x-forwarded-for',
      forwarded === undefined ? request.sourceIp : `${forwarded[1]}, ${request.sourceIp}`,
    ],
    ['x-forwarded-port', '443'],
    ['x-forwarded-proto', 'https'],
    ...(request.body === undefined
      ? []
      : [['content-length', String(request.body.length)] as const]),
  ];
  const replaced = new Set(['x-forwarded-for', 'content-length', 'x-amzn-trace-id']);
  return [...request.headers.filter(([name]) => !replaced.has(name)), ...added];
}

/** The body fields every source shares: text as is, bytes base64-encoded. */
export function bodyFields(request: ClientRequest): {
  body: string | undefined;
  isBase64Encoded: boolean;
} {
  if (request.body === undefined) return { body: undefined, isBase64Encoded: false };
  return request.textBody
    ? { body: request.body.toString('utf8'), isBase64Encoded: false }
    : { body: request.body.toString('base64'), isBase64Encoded: true };
}

/** `[name, value]` pairs of a raw query string, still encoded. */
export function rawQueryPairs(rawQuery: string): Array<readonly [string, string]> {
  return rawQuery
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const equals = pair.indexOf('=');
      return equals === -1 ? [pair, ''] : [pair.slice(0, equals), pair.slice(equals + 1)];
    });
}

/** Groups pairs by name, keeping every value in order. */
export function grouped(pairs: ReadonlyArray<readonly [string, string]>): Record<string, string[]> {
  const map: Record<string, string[]> = {};
  for (const [name, value] of pairs) map[name] = [...(map[name] ?? []), value];
  return map;
}
