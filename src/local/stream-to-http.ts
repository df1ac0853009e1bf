import type { ServerResponse } from 'node:http';
import type { StreamSink } from './worker-protocol';

const PRELUDE_CONTENT_TYPE = 'application/vnd.awslambda.http-integration-response';
const DELIMITER = Buffer.alloc(8);

/** A payload 2.0 event as a function URL would send it: same format, a `lambda-url` host. */
export function toFunctionUrlEvent(event: unknown): unknown {
  const fields = event as Record<string, unknown>;
  const context = fields['requestContext'] as Record<string, unknown>;
  const { pathParameters: _path, stageVariables: _stage, ...rest } = fields;
  return {
    ...rest,
    routeKey: '$default',
    requestContext: {
      ...context,
      domainName: 'local.lambda-url.us-east-1.on.aws',
      domainPrefix: 'local',
      routeKey: '$default',
      stage: '$default',
    },
  };
}

/**
 * Writes a streaming function's bytes to an HTTP response as a function URL in `RESPONSE_STREAM`
 * mode does: the prelude (JSON, then 8 NUL bytes) becomes the status line and headers, every
 * later byte goes out as a chunk the moment it arrives. Bytes without a prelude are kept: the
 * function answered in the buffered form.
 */
export class StreamedResponse implements StreamSink {
  readonly signal: AbortSignal;
  /** The status sent, once the prelude arrived. */
  status: number | undefined;
  readonly #response: ServerResponse;
  readonly #aborted = new AbortController();
  #head = Buffer.alloc(0);
  #buffered: Buffer[] = [];

  constructor(response: ServerResponse) {
    this.#response = response;
    this.signal = this.#aborted.signal;
    response.on('close', () => {
      if (!response.writableFinished) this.#aborted.abort();
    });
  }

  /** Bytes of a buffered answer, when the function wrote no prelude. */
  get buffered(): Buffer {
    return Buffer.concat(this.#buffered);
  }

  onChunk(contentType: string, bytes: Buffer): void {
    if (this.status !== undefined) {
      this.#response.write(bytes);
      return;
    }
    if (contentType !== PRELUDE_CONTENT_TYPE) {
      this.#buffered.push(bytes);
      return;
    }
    this.#head = Buffer.concat([this.#head, bytes]);
    const end = this.#head.indexOf(DELIMITER);
    if (end < 0) return;
    const prelude = JSON.parse(this.#head.subarray(0, end).toString()) as {
      statusCode?: number;
      headers?: Record<string, string>;
      cookies?: string[];
    };
    this.status = prelude.statusCode ?? 200;
    const cookies = prelude.cookies ?? [];
    this.#response.writeHead(this.status, {
      ...prelude.headers,
      ...(cookies.length > 0 ? { 'set-cookie': cookies } : {}),
    });
    // No content-length: Node sends the body with chunked transfer, chunk by chunk.
    this.#response.flushHeaders();
    const rest = this.#head.subarray(end + DELIMITER.length);
    if (rest.length > 0) this.#response.write(rest);
  }

  /** Ends the response: normally, or cut off when the function failed mid-stream. */
  end(failed: boolean): void {
    if (failed) this.#response.destroy();
    else this.#response.end();
  }
}
