import type { Context } from 'aws-lambda';
import { parseCookieHeader } from '../http/cookies';
import type { QueryParameters } from '../http/query';
import type { LambdaHttpRequest } from './types';

/** What a source has read from its event, before the checks every source shares. */
export interface RequestParts {
  readonly method: string | undefined;
  readonly path: string | undefined;
  /** Null-prototype map with lower-case names; this function may change `content-length`. */
  readonly headers: Record<string, string>;
  readonly query: QueryParameters;
  readonly body: Buffer | undefined;
  readonly sourceIp: string | undefined;
  readonly sourceRequestId: string | undefined;
  readonly event: unknown;
  readonly context: Context;
}

/**
 * Finishes a {@link LambdaHttpRequest} from what a source read: upper-case method, a path that
 * starts with `/`, cookies parsed from the merged `cookie` header, and a `content-length` that
 * matches the body actually received.
 *
 * @param parts - The values read from the event.
 * @returns The normalized request.
 */
export function assembleRequest(parts: RequestParts): LambdaHttpRequest {
  const headers = parts.headers;
  // The incoming content-length describes the client's bytes, not the (possibly base64-decoded)
  // body Lambda received; a handler trusting a stale one can over- or under-read.
  if (parts.body === undefined) delete headers['content-length'];
  else headers['content-length'] = String(parts.body.length);
  return {
    method: (parts.method ?? '').toUpperCase(),
    path: withLeadingSlash(parts.path ?? '/'),
    headers,
    query: parts.query,
    cookies: parseCookieHeader(headers['cookie']),
    body: parts.body,
    sourceIp: nonEmpty(parts.sourceIp),
    sourceRequestId: nonEmpty(parts.sourceRequestId),
    event: parts.event,
    context: parts.context,
  };
}

function withLeadingSlash(path: string): string {
  return path.startsWith('/') ? path : `/${path}`;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === '' ? undefined : value;
}
