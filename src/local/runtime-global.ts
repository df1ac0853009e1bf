import { Writable } from 'node:stream';

const PRELUDE_CONTENT_TYPE = 'application/vnd.awslambda.http-integration-response';

/** The response stream a streaming handler writes to, as the Node.js runtime gives it. */
export class WorkerResponseStream extends Writable {
  #contentType = 'application/octet-stream';
  #beforeFirstWrite: ((write: (chunk: Uint8Array | string) => void) => void) | undefined;
  #first = true;

  constructor(readonly onBytes: (contentType: string, bytes: Buffer) => void) {
    super();
  }

  setContentType(type: string): void {
    this.#contentType = type;
  }

  /** What `HttpResponseStream.from` hooks in: the prelude, written before the first body byte. */
  set beforeFirstWrite(hook: (write: (chunk: Uint8Array | string) => void) => void) {
    this.#beforeFirstWrite = hook;
  }

  // Handlers write whole chunks (no encoding or callback arguments), as the runtime's stream expects.
  override write(chunk: Uint8Array | string): boolean {
    if (this.#first) {
      this.#first = false;
      this.#beforeFirstWrite?.((head) => super.write(head));
    }
    return super.write(chunk);
  }

  override _write(chunk: Buffer, _encoding: string, done: (error?: Error | null) => void): void {
    this.onBytes(this.#contentType, chunk);
    done();
  }
}

const streaming = new WeakSet<object>();

/** Whether `handler` is one `awslambda.streamifyResponse` returned. */
export function isStreamingHandler(handler: unknown): boolean {
  return typeof handler === 'function' && streaming.has(handler);
}

/**
 * Installs the `awslambda` global the Node.js runtime gives every function, as far as streaming
 * uses it: `streamifyResponse` marks a handler, `HttpResponseStream.from` makes a response stream
 * write the JSON prelude and 8 NUL bytes before its first byte.
 */
export function installRuntimeGlobal(): void {
  Reflect.set(globalThis, 'awslambda', {
    streamifyResponse(handler: object) {
      streaming.add(handler);
      return handler;
    },
    HttpResponseStream: {
      from(stream: WorkerResponseStream, prelude: unknown) {
        stream.setContentType(PRELUDE_CONTENT_TYPE);
        const json = JSON.stringify(prelude);
        stream.beforeFirstWrite = (write) => {
          write(json);
          write(new Uint8Array(8));
        };
        return stream;
      },
    },
  });
}
