import { Writable } from 'node:stream';
import type {
  AwsLambdaRuntime,
  HttpPrelude,
  LambdaResponseStream,
} from '../../streaming/lambda-runtime';

const PRELUDE_CONTENT_TYPE = 'application/vnd.awslambda.http-integration-response';

/** One write the "network" received, with the time it arrived. */
export interface ReceivedWrite {
  readonly at: number;
  readonly bytes: Buffer;
}

/**
 * A response stream shaped like the Node.js runtime's: a `Writable` with `setContentType`, whose
 * first write is preceded by whatever `HttpResponseStream.from` hooked in.
 */
export class FakeResponseStream extends Writable {
  readonly received: ReceivedWrite[] = [];
  contentType = 'application/octet-stream';
  onBeforeFirstWrite: ((write: (chunk: Uint8Array | string) => void) => void) | undefined;
  #first = true;

  constructor(highWaterMark = 16 * 1024) {
    super({ highWaterMark });
  }

  setContentType(type: string): void {
    this.contentType = type;
  }

  override write(chunk: Uint8Array | string, ...rest: never[]): boolean {
    if (this.#first) {
      this.#first = false;
      this.onBeforeFirstWrite?.((head) => super.write(head));
    }
    return super.write(chunk, ...rest);
  }

  override _write(chunk: Buffer, _encoding: string, done: (error?: Error | null) => void): void {
    this.received.push({ at: performance.now(), bytes: Buffer.from(chunk) });
    done();
  }

  /** Everything written, in order. */
  bytes(): Buffer {
    return Buffer.concat(this.received.map((write) => write.bytes));
  }

  /** The prelude and the body, split at the 8 NUL bytes the way the runtime's reader splits. */
  parsed(): { prelude: HttpPrelude; body: string } {
    const all = this.bytes();
    const end = all.indexOf(Buffer.alloc(8));
    if (this.contentType !== PRELUDE_CONTENT_TYPE || end < 0) {
      throw new Error(`No HTTP prelude in ${JSON.stringify(all.toString())}`);
    }
    return {
      prelude: JSON.parse(all.subarray(0, end).toString()) as HttpPrelude,
      body: all.subarray(end + 8).toString(),
    };
  }

  /** Ends when the handler ended or destroyed the stream. */
  finished(): Promise<void> {
    return new Promise((resolve) => {
      if (this.writableFinished || this.destroyed) resolve();
      this.once('finish', () => resolve());
      this.once('close', () => resolve());
    });
  }
}

/** An `awslambda` global like the Node.js runtime's, as far as streaming goes. */
export const fakeRuntime: AwsLambdaRuntime & { streamified: number } = {
  streamified: 0,
  streamifyResponse(handler) {
    this.streamified += 1;
    return handler;
  },
  HttpResponseStream: {
    from(stream: LambdaResponseStream, prelude: HttpPrelude): LambdaResponseStream {
      const fake = stream as unknown as FakeResponseStream;
      fake.setContentType(PRELUDE_CONTENT_TYPE);
      const json = JSON.stringify(prelude);
      fake.onBeforeFirstWrite = (write) => {
        write(json);
        write(new Uint8Array(8));
      };
      return stream;
    },
  },
};
