import type { LambdaHandler } from '../../handler/create-handler';
import type { Logger, LogRecord } from '../../logging/logger';
import { type HttpApiEventOptions, httpApiEvent } from './http-api-event';
import { lambdaContext } from './lambda-context';

/** A logger that keeps every record, by level. */
export function captureLogger(): Logger & { records: Array<{ level: string; record: LogRecord }> } {
  const records: Array<{ level: string; record: LogRecord }> = [];
  return {
    records,
    info: (record) => records.push({ level: 'info', record }),
    warn: (record) => records.push({ level: 'warn', record }),
    error: (record) => records.push({ level: 'error', record }),
  };
}

/** A payload 2.0 result with the body parsed when it is JSON. */
export interface V2Answer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly cookies: string[] | undefined;
  readonly body: string;
  readonly json: unknown;
  readonly isBase64Encoded: boolean;
}

/** Sends an HTTP API payload 2.0 request to `handler` and reads its answer. */
export async function send(
  handler: LambdaHandler,
  method: string,
  path: string,
  options: HttpApiEventOptions = {},
): Promise<V2Answer> {
  const result = (await handler(httpApiEvent(method, path, options), lambdaContext())) as {
    statusCode: number;
    headers?: Record<string, string>;
    cookies?: string[];
    body?: string;
    isBase64Encoded?: boolean;
  };
  const body = result.body ?? '';
  const contentType = result.headers?.['content-type'] ?? '';
  return {
    status: result.statusCode,
    headers: result.headers ?? {},
    cookies: result.cookies,
    body,
    json: contentType.includes('json') && body !== '' ? JSON.parse(body) : undefined,
    isBase64Encoded: result.isBase64Encoded ?? false,
  };
}
