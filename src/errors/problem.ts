import { HttpResponse } from '../http/response';
import { reasonPhrase } from '../http/status';
import { HttpError } from './http-error';

/**
 * The RFC 9457 media type every error response carries.
 *
 * @example
 * ```ts
 * expect(result.headers['content-type']).toBe(PROBLEM_CONTENT_TYPE);
 * ```
 */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Members a problem body may not take from `extensions`: they are the problem's own. */
const RESERVED = new Set(['type', 'title', 'status', 'detail', 'instance', 'requestId']);

/**
 * The RFC 9457 response for an error. An `HttpError` keeps its status, title, headers and
 * extensions, and its detail when exposed; anything else becomes a generic 500 that says nothing
 * about the error.
 */
export function toProblem(error: unknown, requestId: string | undefined): HttpResponse {
  const httpError = error instanceof HttpError ? error : undefined;
  const status = httpError?.status ?? 500;
  const body: Record<string, unknown> = {
    type: httpError?.type ?? 'about:blank',
    title: httpError?.title ?? reasonPhrase(status),
    status,
  };
  if (httpError?.expose && httpError.detail !== undefined) body['detail'] = httpError.detail;
  for (const [key, value] of Object.entries(httpError?.extensions ?? {})) {
    if (!RESERVED.has(key)) body[key] = value;
  }
  if (requestId !== undefined) body['requestId'] = requestId;
  return new HttpResponse({
    status,
    headers: { ...httpError?.headers, 'content-type': PROBLEM_CONTENT_TYPE },
    body,
  });
}
