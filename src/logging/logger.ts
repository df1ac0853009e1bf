/**
 * A structured log record: one JSON object per line.
 *
 * @example
 * ```ts
 * const record: LogRecord = { message: 'request failed', requestId: 'c6af9ac6' };
 * ```
 */
export type LogRecord = Readonly<Record<string, unknown>>;

/**
 * Where the framework writes its log lines. Pass your own to `createHandler` to capture them.
 *
 * @example
 * ```ts
 * const logger: Logger = { info: (r) => pino.info(r), warn: (r) => pino.warn(r), error: (r) => pino.error(r) };
 * export const handler = createHandler(UsersController, { logger });
 * ```
 */
export interface Logger {
  info(record: LogRecord): void;
  warn(record: LogRecord): void;
  error(record: LogRecord): void;
}

function writeLine(level: 'INFO' | 'WARN' | 'ERROR', record: LogRecord): void {
  // One line per record, written straight to stdout so CloudWatch keeps it as a single JSON event
  // whatever the function's log format (console.* would prefix a timestamp and request id).
  process.stdout.write(
    `${JSON.stringify({ level, timestamp: new Date().toISOString(), ...record })}\n`,
  );
}

/** The default logger: JSON lines on stdout. */
export const jsonLogger: Logger = {
  info: (record) => writeLine('INFO', record),
  warn: (record) => writeLine('WARN', record),
  error: (record) => writeLine('ERROR', record),
};
