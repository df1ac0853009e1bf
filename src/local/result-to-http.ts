import type { InvokeOutcome } from './worker-pool';

/** An HTTP response ready to write. */
export interface HttpAnswer {
  readonly status: number;
  /** Lower-case names; `set-cookie` carries one value per cookie. */
  readonly headers: Readonly<Record<string, string | readonly string[]>>;
  readonly body: Buffer;
}

/** A handler result read as API Gateway reads it: an answer, or what makes it unusable. */
export type ResultReading =
  | { readonly ok: true; readonly answer: HttpAnswer }
  | { readonly ok: false; readonly problem: string };

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
// Framing is the local server's job, as it is API Gateway's.
const IGNORED_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection']);

/** The JSON answer API Gateway gives when it cannot use the function's (`{"message": …}`). */
export function gatewayAnswer(status: number, message: string): HttpAnswer {
  return {
    status,
    headers: { 'content-type': 'application/json' },
    body: Buffer.from(JSON.stringify({ message })),
  };
}

/** A result API Gateway cannot turn into a response; the message says which field and why. */
class MalformedResultError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedResultError';
  }
}

function malformed(message: string): never {
  throw new MalformedResultError(message);
}

function quote(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

// Node refuses header values outside Latin-1; API Gateway sends the UTF-8 bytes, and writing each
// byte as one Latin-1 character puts exactly those bytes on the wire.
function toWireValue(value: string): string {
  return Buffer.from(value, 'utf8').toString('latin1');
}

function checkLine(what: string, text: string): string {
  if (/[\r\n\0]/.test(text)) malformed(`${what} contains a line break or NUL`);
  return toWireValue(text);
}

/** The `headers` map, lower-cased; a `Set-Cookie` in it goes first in the cookie list. */
function readHeaders(raw: unknown): { headers: Record<string, string>; setCookie: string[] } {
  const headers: Record<string, string> = Object.create(null);
  const setCookie: string[] = [];
  if (raw === undefined || raw === null) return { headers, setCookie };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    malformed(`headers must be an object; got ${quote(raw)}`);
  }
  for (const [name, value] of Object.entries(raw)) {
    if (!TOKEN.test(name)) malformed(`header name ${quote(name)} is not a valid HTTP token`);
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      malformed(`header ${quote(name)} must be a string, number or boolean; got ${quote(value)}`);
    }
    const lower = name.toLowerCase();
    const text = checkLine(`header ${quote(name)}`, String(value));
    if (lower === 'set-cookie') setCookie.push(text);
    else if (!IGNORED_HEADERS.has(lower)) headers[lower] = text;
  }
  return { headers, setCookie };
}

function readCookies(raw: unknown): string[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw) || !raw.every((cookie) => typeof cookie === 'string')) {
    malformed(`cookies must be an array of strings; got ${quote(raw)}`);
  }
  return raw.map((cookie) => checkLine(`cookie ${quote(cookie)}`, cookie));
}

function readBody(raw: unknown, base64: unknown): Buffer {
  if (base64 !== undefined && typeof base64 !== 'boolean') {
    malformed(`isBase64Encoded must be a boolean; got ${quote(base64)}`);
  }
  if (raw === undefined || raw === null) return Buffer.alloc(0);
  if (typeof raw !== 'string') malformed(`body must be a string; got ${typeof raw}`);
  if (base64 !== true) return Buffer.from(raw, 'utf8');
  if (!BASE64.test(raw)) malformed('body is not valid base64');
  return Buffer.from(raw, 'base64');
}

function readStructured(payload: object): HttpAnswer {
  const field = (name: string): unknown => Reflect.get(payload, name);
  const status = field('statusCode');
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599) {
    malformed(`statusCode must be an integer from 100 to 599; got ${quote(status)}`);
  }
  const { headers, setCookie } = readHeaders(field('headers'));
  const cookies = [...setCookie, ...readCookies(field('cookies'))];
  const body = readBody(field('body'), field('isBase64Encoded'));
  return {
    status,
    headers: cookies.length > 0 ? { ...headers, 'set-cookie': cookies } : headers,
    body,
  };
}

/**
 * Reads a payload format 2.0 result the way an HTTP API does. An object with `statusCode` is a
 * structured response; anything else is "inferred": 200, `application/json`, and the value as the
 * body (a string as is, anything else as JSON).
 *
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html#http-api-develop-integrations-lambda.response
 */
export function resultToHttp(payload: unknown): ResultReading {
  if (typeof payload !== 'object' || payload === null || !Object.hasOwn(payload, 'statusCode')) {
    const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
    return {
      ok: true,
      answer: {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: Buffer.from(body ?? 'null'),
      },
    };
  }
  try {
    return { ok: true, answer: readStructured(payload) };
  } catch (error) {
    // Converted on purpose: a malformed result is an outcome with an answer of its own (502 and
    // a log line), not a failure of the local server.
    if (!(error instanceof MalformedResultError)) throw error;
    return { ok: false, problem: error.message };
  }
}

/** How an invocation's outcome reaches the client, and what the log line adds to explain it. */
export interface OutcomeAnswer {
  readonly answer: HttpAnswer;
  readonly note: string | undefined;
}

/**
 * Turns an invocation outcome into the client's answer: the function's response when it is
 * usable; otherwise API Gateway's own answer (502 for a function error, a crash or a malformed
 * result, 504 for a timeout) and a note saying what went wrong.
 */
export function answerFor(outcome: InvokeOutcome): OutcomeAnswer {
  switch (outcome.kind) {
    case 'result': {
      const reading = resultToHttp(outcome.payload);
      return reading.ok
        ? { answer: reading.answer, note: undefined }
        : {
            answer: gatewayAnswer(502, 'Internal Server Error'),
            note: `malformed result: ${reading.problem}`,
          };
    }
    case 'function-error': {
      const { errorType, errorMessage, stack } = outcome.error;
      // The stack's first line repeats the message.
      const trace = stack
        .slice(1)
        .map((line) => `\n${line.trim()}`)
        .join('');
      return {
        answer: gatewayAnswer(502, 'Internal Server Error'),
        note: `function error: ${errorType}: ${errorMessage}${trace}`,
      };
    }
    case 'timeout':
      return { answer: gatewayAnswer(504, 'Gateway Timeout'), note: outcome.message };
    case 'crash':
      return {
        answer: gatewayAnswer(502, 'Internal Server Error'),
        note: `worker crashed: ${outcome.message}`,
      };
    case 'init-error':
      return {
        answer: gatewayAnswer(502, 'Internal Server Error'),
        note: `init error: ${outcome.message}`,
      };
    default:
      return outcome satisfies never;
  }
}
