import { isNullBodyStatus } from '../http/status';
import type { OutgoingResponse } from './types';

/** A response reduced to what every source's writer needs. */
export interface ShapedResponse {
  readonly statusCode: number;
  /** Lower-case names, each with its values as strings; never `set-cookie`. */
  readonly headers: ReadonlyArray<readonly [string, readonly string[]]>;
  /** Every `Set-Cookie` value, each one whole (an `Expires` date's comma does not split it). */
  readonly cookies: readonly string[];
  readonly body: string;
  readonly isBase64Encoded: boolean;
}

/**
 * Prepares a response for a source writer: a valid integer status, header values as strings with
 * repeated names merged, every `Set-Cookie` gathered into `cookies`, and no body for statuses that
 * cannot carry one.
 *
 * @param response - The framework's response.
 * @returns The shaped response.
 */
export function shapeResponse(response: OutgoingResponse): ShapedResponse {
  const statusCode = toStatusCode(response.status);
  const cookies = response.cookies.map(String);
  const merged = new Map<string, string[]>();
  for (const name of Object.keys(response.headers)) {
    const values = response.headers[name] ?? [];
    if (values.length === 0) continue;
    const lower = name.toLowerCase();
    const strings = values.map(String);
    // The contract keeps cookies out of `headers`; one that slips in is still sent, as a cookie,
    // because v2 and function URLs ignore a `set-cookie` header in favour of `cookies`.
    if (lower === 'set-cookie') for (const cookie of strings) cookies.push(cookie);
    else {
      const existing = merged.get(lower);
      if (existing === undefined) merged.set(lower, strings);
      else for (const value of strings) existing.push(value);
    }
  }
  const withoutBody = isNullBodyStatus(statusCode);
  return {
    statusCode,
    headers: [...merged],
    cookies,
    body: withoutBody ? '' : response.body,
    isBase64Encoded: withoutBody ? false : response.isBase64Encoded,
  };
}

/**
 * API Gateway answers 502 when the status is not an integer it accepts; a broken status becomes a
 * plain 500 instead, so the client at least sees the framework's own error.
 */
function toStatusCode(status: number): number {
  return Number.isInteger(status) && status >= 100 && status <= 599 ? status : 500;
}
