import type { HttpPrelude } from './lambda-runtime';

/** Header maps of a result, joined the way a single-value map carries them. */
function joinedHeaders(result: Readonly<Record<string, unknown>>): Record<string, string> {
  const headers: Record<string, string> = {};
  const single: unknown = result['headers'];
  if (typeof single === 'object' && single !== null) {
    for (const [name, value] of Object.entries(single)) headers[name] = String(value);
  }
  const multi: unknown = result['multiValueHeaders'];
  if (typeof multi === 'object' && multi !== null) {
    for (const [name, values] of Object.entries(multi)) {
      if (Array.isArray(values) && name.toLowerCase() !== 'set-cookie') {
        headers[name] = values.map(String).join(', ');
      }
    }
  }
  return headers;
}

function cookiesOf(result: Readonly<Record<string, unknown>>): string[] {
  const cookies: unknown = result['cookies'];
  if (Array.isArray(cookies)) return cookies.map(String);
  const multi: unknown = result['multiValueHeaders'];
  const setCookie: unknown =
    typeof multi === 'object' && multi !== null ? Reflect.get(multi, 'set-cookie') : undefined;
  return Array.isArray(setCookie) ? setCookie.map(String) : [];
}

/**
 * A buffered result (payload 2.0 or 1.0 shape) as a streamed response: the prelude and the body
 * bytes, so an answer that was never a stream (a JSON value, a problem) streams the same way.
 */
export function streamedFormOf(result: unknown): { prelude: HttpPrelude; body: Buffer } {
  const record = (typeof result === 'object' && result !== null ? result : {}) as Readonly<
    Record<string, unknown>
  >;
  const status: unknown = record['statusCode'];
  const text: unknown = record['body'];
  const body = typeof text === 'string' ? text : '';
  return {
    prelude: {
      statusCode: typeof status === 'number' ? status : 500,
      headers: joinedHeaders(record),
      cookies: cookiesOf(record),
    },
    body: Buffer.from(body, record['isBase64Encoded'] === true ? 'base64' : 'utf8'),
  };
}

/** Whether an event's integration streams: function URLs and REST APIs (not payload 1.0 of HTTP APIs). */
export function sourceStreams(sourceName: string, event: unknown): boolean {
  if (sourceName === 'function-url') return true;
  if (sourceName !== 'apigw-rest') return false;
  return !(typeof event === 'object' && event !== null && Reflect.get(event, 'version') === '1.0');
}
