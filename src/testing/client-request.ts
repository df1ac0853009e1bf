import { randomUUID } from 'node:crypto';
import type { ClientRequest, TestQueryValue, TestRequestInit } from './test-request';

const SOURCE_IP = '198.51.100.10';

function queryString(query: Readonly<Record<string, TestQueryValue>>): string {
  const pairs = Object.entries(query).flatMap(([key, value]) =>
    (Array.isArray(value) ? value : [value]).map(
      (item: string | number | boolean) =>
        `${encodeURIComponent(key)}=${encodeURIComponent(String(item))}`,
    ),
  );
  return pairs.join('&');
}

/** The body's bytes, how it travels, and the content type it implies. */
function encodeBody(
  body: unknown,
): { bytes: Buffer; text: boolean; contentType: string } | undefined {
  if (body === undefined) return undefined;
  if (typeof body === 'string')
    return { bytes: Buffer.from(body), text: true, contentType: 'text/plain; charset=utf-8' };
  if (body instanceof Uint8Array)
    return { bytes: Buffer.from(body), text: false, contentType: 'application/octet-stream' };
  const json = JSON.stringify(body);
  if (json === undefined) throw new TypeError(`The test request body ${String(body)} has no JSON.`);
  return { bytes: Buffer.from(json), text: true, contentType: 'application/json' };
}

/**
 * The request a client sends for `method`, `target` and `init`: the query of `init` appended to
 * the target's, headers with lower-case names, a content type for the body when none is given.
 */
export function toClientRequest(
  method: string,
  target: string,
  init: TestRequestInit,
): ClientRequest {
  if (!target.startsWith('/'))
    throw new TypeError(`A test request path starts with "/"; got ${JSON.stringify(target)}.`);
  const queryStart = target.indexOf('?');
  const path = queryStart === -1 ? target : target.slice(0, queryStart);
  const inPath = queryStart === -1 ? '' : target.slice(queryStart + 1);
  const added = init.query === undefined ? '' : queryString(init.query);
  const body = encodeBody(init.body);
  const headers = Object.entries(init.headers ?? {}).map(
    ([name, value]) => [name.toLowerCase(), value] as const,
  );
  const cookies = Object.entries(init.cookies ?? {}).map(([name, value]) => `${name}=${value}`);
  const given = headers.filter(([name]) => name === 'cookie').map(([, value]) => value);
  const hasType = headers.some(([name]) => name === 'content-type');
  return {
    method: method.toUpperCase(),
    path,
    rawQuery: [inPath, added].filter((part) => part !== '').join('&'),
    headers: [
      ...headers.filter(([name]) => name !== 'cookie'),
      ...(body !== undefined && !hasType ? [['content-type', body.contentType] as const] : []),
    ],
    cookies: [...given.flatMap((line) => line.split(/;\s*/)), ...cookies].filter(Boolean),
    body: body?.bytes,
    textBody: body?.text ?? true,
    requestId: randomUUID(),
    sourceIp: SOURCE_IP,
  };
}
