import { DEFAULT_CONTENT_TYPE, HttpResponse } from '../http/response';
import { isNullBodyStatus } from '../http/status';
import { cancelStream, streamChunks } from './stream-chunks';

/** What collecting a stream body gave: the buffered response, or how far it got past the limit. */
export type Collected =
  | { readonly kind: 'collected'; readonly response: HttpResponse }
  | { readonly kind: 'too-large'; readonly bytes: number };

const TEXTUAL = /^(text\/|application\/([\w.+-]*\+)?(json|xml|x-ndjson|ndjson|javascript))/i;

/**
 * A stream body read to its end into an ordinary response, for sources that buffer (HTTP APIs,
 * ALB, functions not configured for streaming). Textual content types become text, the rest
 * bytes. Past `maxBytes` the producer is stopped and nothing more is read.
 *
 * @throws what the stream throws while it is read.
 */
export async function collectStream(
  response: HttpResponse,
  method: string,
  maxBytes: number,
): Promise<Collected> {
  if (response.bodyKind !== 'stream') return { kind: 'collected', response };
  const stream = response.body as AsyncIterable<unknown>;
  const headers = {
    'content-type': DEFAULT_CONTENT_TYPE.stream,
    ...Object.fromEntries(Object.entries(response.headers)),
  };
  if (method === 'HEAD' || isNullBodyStatus(response.status)) {
    // Nothing of it would be sent: stop the producer instead of reading it.
    await cancelStream(stream);
    const { status, cookies } = response;
    return {
      kind: 'collected',
      response: new HttpResponse({ status, headers, cookies, body: '' }),
    };
  }
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for await (const chunk of streamChunks(stream)) {
    bytes += chunk.byteLength;
    // Leaving the loop stops the producer: a 200 MB export is not read into memory to be refused.
    if (bytes > maxBytes) return { kind: 'too-large', bytes };
    chunks.push(chunk);
  }
  const collected = Buffer.concat(chunks);
  return {
    kind: 'collected',
    response: new HttpResponse({
      status: response.status,
      headers,
      cookies: response.cookies,
      body: TEXTUAL.test(headers['content-type'].toString())
        ? collected.toString('utf8')
        : collected,
    }),
  };
}
