import type { Logger, LogRecord } from './logger';

/** Whether the per-request log line is on, from `LAMBDA_CONTROLLERS_ACCESS_LOG`. */
export function accessLogEnabled(env: Readonly<Record<string, string | undefined>>): boolean {
  const value = env['LAMBDA_CONTROLLERS_ACCESS_LOG']?.trim().toLowerCase();
  return value !== 'off' && value !== 'false' && value !== '0';
}

/**
 * Drops records below Lambda's application log level. `AWS_LAMBDA_LOG_LEVEL` is set when the
 * function uses the JSON log format with an application log level.
 */
export function withLogLevel(logger: Logger, level: string | undefined): Logger {
  const upper = level?.toUpperCase();
  const quietInfo = upper === 'WARN' || upper === 'ERROR' || upper === 'FATAL';
  const quietWarn = upper === 'ERROR' || upper === 'FATAL';
  return {
    info: (record) => {
      if (!quietInfo) logger.info(record);
    },
    warn: (record) => {
      if (!quietWarn) logger.warn(record);
    },
    error: (record) => logger.error(record),
  };
}

/** The fields of one access-log line. */
export interface AccessLogFields {
  readonly method: string;
  readonly path: string;
  /** The route template (`GET /users/{id}`), so logs group by route, not by id. */
  readonly route: string | null;
  readonly status: number;
  readonly durationMs: number;
  readonly requestId: string | undefined;
  readonly sourceRequestId: string | undefined;
}

export function logRequest(logger: Logger, fields: AccessLogFields): void {
  const record: LogRecord = {
    message: 'request',
    ...fields,
    durationMs: Math.round(fields.durationMs * 1000) / 1000,
  };
  logger.info(record);
}
