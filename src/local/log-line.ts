/** What one request's log line shows. */
export interface RequestLogFields {
  readonly time: Date;
  readonly method: string;
  /** Path and query as the client sent them. */
  readonly target: string;
  readonly status: number;
  readonly durationMs: number;
  /** Lambda's `awsRequestId`, or API Gateway's request id when the function was not invoked. */
  readonly requestId: string;
  /** Why the local server answered instead of the function (timeout, crash, malformed result). */
  readonly note?: string | undefined;
}

const RESET = '\u001b[0m';
const DIM = '\u001b[2m';
const BOLD = '\u001b[1m';
const RED = '\u001b[31m';
const GREEN = '\u001b[32m';
const YELLOW = '\u001b[33m';
const CYAN = '\u001b[36m';

/** Whether to colour terminal output: a TTY, and no `NO_COLOR` (https://no-color.org). */
export function useColour(
  stream: { readonly isTTY?: boolean },
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  return stream.isTTY === true && (env['NO_COLOR'] ?? '') === '';
}

function statusColour(status: number): string {
  if (status >= 500) return RED;
  if (status >= 400) return YELLOW;
  if (status >= 300) return CYAN;
  return GREEN;
}

/** `0.4 ms`, `12 ms`, `1.52 s`: short, and precise where it matters. */
export function formatDuration(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 10) return `${Math.round(ms)} ms`;
  return `${ms.toFixed(1)} ms`;
}

function clock(time: Date): string {
  const two = (value: number): string => String(value).padStart(2, '0');
  return `${two(time.getHours())}:${two(time.getMinutes())}:${two(time.getSeconds())}`;
}

/**
 * One line per request, for a person reading the terminal:
 * `21:45:00 GET /users/42 200 12 ms 6f1c…`, then a note in brackets when the local server
 * answered in the function's place.
 */
export function formatLogLine(fields: RequestLogFields, colour: boolean): string {
  const paint = (code: string, text: string): string => (colour ? `${code}${text}${RESET}` : text);
  const parts = [
    paint(DIM, clock(fields.time)),
    paint(BOLD, fields.method),
    fields.target,
    paint(statusColour(fields.status), String(fields.status)),
    formatDuration(fields.durationMs),
    paint(DIM, fields.requestId),
  ];
  const line = parts.join(' ');
  if (fields.note === undefined) return line;
  // A stack trace or an init error's output follows on indented lines, under the request's line.
  const [first = '', ...details] = fields.note.split('\n');
  const more = details.map((detail) => `\n    ${paint(DIM, detail)}`).join('');
  return `${line} ${paint(RED, `(${first})`)}${more}`;
}
