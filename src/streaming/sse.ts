import { HttpResponse } from '../http/response';

/**
 * One server-sent event. `data` is sent as one `data:` line per line of it; a non-string `data`
 * is sent as JSON.
 *
 * @example
 * ```ts
 * const tick: ServerSentEvent = { event: 'tick', id: '7', data: { at: Date.now() } };
 * ```
 */
export interface ServerSentEvent {
  readonly data: unknown;
  readonly event?: string;
  readonly id?: string;
  /** Milliseconds a client waits before reconnecting. */
  readonly retry?: number;
}

/** A field value cannot hold a line break: it would start another field. */
function oneLine(name: string, value: string): string {
  if (/[\r\n]/.test(value)) throw new TypeError(`An event's ${name} cannot contain a line break.`);
  return value;
}

/** One event in the `text/event-stream` format, ended by its blank line. */
export function formatEvent(input: ServerSentEvent | string): string {
  const event = typeof input === 'string' ? { data: input } : input;
  let text = '';
  if (event.event !== undefined) text += `event: ${oneLine('event', event.event)}\n`;
  if (event.id !== undefined) text += `id: ${oneLine('id', event.id)}\n`;
  if (event.retry !== undefined) text += `retry: ${Math.max(0, Math.trunc(event.retry))}\n`;
  const data = typeof event.data === 'string' ? event.data : JSON.stringify(event.data);
  for (const line of (data ?? '').split(/\r\n|\r|\n/)) text += `data: ${line}\n`;
  return `${text}\n`;
}

async function* framed(events: AsyncIterable<ServerSentEvent | string>): AsyncGenerator<string> {
  for await (const event of events) yield formatEvent(event);
}

/**
 * A `text/event-stream` response: each event framed as the EventSource specification reads it
 * (`event:`, `id:`, `retry:`, one `data:` per line, a blank line after each), sent as it is
 * produced where the invocation streams.
 *
 * @param events - The events, a string standing for `{ data: string }`.
 * @param init - Status and extra headers. @defaultValue 200
 * @returns A response to return from a route method.
 * @example
 * ```ts
 * @Get('/ticks') ticks() {
 *   return sse((async function* () { for (let n = 0; n < 3; n++) yield { event: 'tick', data: { n } }; })());
 * }
 * ```
 */
export function sse(
  events: AsyncIterable<ServerSentEvent | string>,
  init: { readonly status?: number; readonly headers?: Readonly<Record<string, string>> } = {},
): HttpResponse {
  return new HttpResponse({
    status: init.status ?? 200,
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      ...init.headers,
    },
    body: framed(events),
  });
}
