/**
 * A bootstrap standing in for Lambda's Node.js runtime in streaming mode: it installs an
 * `awslambda` global shaped like the runtime's (`streamifyResponse` marks the handler,
 * `HttpResponseStream.from` sets the prelude content type and writes the JSON prelude and 8 NUL
 * bytes before the first body byte), loads `main.handler` from NODE_PATH, and reports every write
 * of each invocation over IPC with the time it arrived.
 */
export const STREAMING_BOOTSTRAP = `
import { Writable } from 'node:stream';

const STREAMING = Symbol.for('test.streaming-handler');
const gates: Array<() => void> = [];
(globalThis as Record<string, unknown>).testGate = () => new Promise<void>((open) => gates.push(open));
(globalThis as Record<string, unknown>).awslambda = {
  streamifyResponse(handler: Record<symbol, unknown>) {
    handler[STREAMING] = true;
    return handler;
  },
  HttpResponseStream: {
    from(stream: ResponseStream, prelude: unknown) {
      stream.setContentType('application/vnd.awslambda.http-integration-response');
      const json = JSON.stringify(prelude);
      stream.beforeFirstWrite = (write) => {
        write(json);
        write(new Uint8Array(8));
      };
      return stream;
    },
  },
};

class ResponseStream extends Writable {
  contentType = 'application/octet-stream';
  beforeFirstWrite: ((write: (chunk: Uint8Array | string) => void) => void) | undefined;
  first = true;
  constructor(readonly id: number) {
    super();
  }
  setContentType(type: string) {
    this.contentType = type;
  }
  override write(chunk: Uint8Array | string, ...rest: never[]): boolean {
    if (this.first) {
      this.first = false;
      this.beforeFirstWrite?.((head) => super.write(head));
    }
    return super.write(chunk, ...rest);
  }
  override _write(chunk: Buffer, _encoding: string, done: () => void) {
    process.send?.({ type: 'write', id: this.id, contentType: this.contentType, data: chunk.toString('base64') });
    done();
  }
}

const main = require('main');
const streams = new Map<number, ResponseStream>();
process.on('message', (message: { type: string; id: number; event?: unknown }) => {
  if (message.type === 'open-gate') gates.shift()?.();
  if (message.type === 'abort') streams.get(message.id)?.destroy();
  if (message.type !== 'invoke') return;
  const stream = new ResponseStream(message.id);
  streams.set(message.id, stream);
  stream.on('finish', () => process.send?.({ type: 'finish', id: message.id }));
  stream.on('close', () => process.send?.({ type: 'close', id: message.id }));
  stream.on('error', () => undefined);
  const context = { awsRequestId: 'request-' + message.id };
  main.handler(message.event, stream, context).then(
    () => process.send?.({ type: 'settled', id: message.id }),
    (error: Error) => process.send?.({ type: 'settled', id: message.id, error: error.message }),
  );
});
process.on('disconnect', () => process.exit());
process.send?.({ type: 'ready', streaming: main.handler[STREAMING] === true });
`;

/** Routes with stream bodies; `testGate()` waits until the test opens the gate. */
export const STREAMING_ROUTES = `
import { Get, HttpResponse, sse } from 'lambda-controllers';
declare const testGate: () => Promise<void>;
let stopped = false;
export class routes {
  @Get('/gated') gated() {
    return new HttpResponse({
      headers: { 'content-type': 'application/x-ndjson' },
      body: (async function* () {
        yield '{"n":1}\\n';
        await testGate();
        yield '{"n":2}\\n';
      })(),
    });
  }
  @Get('/empty') empty() {
    return new HttpResponse({ status: 202, headers: { 'x-kind': 'empty' }, body: (async function* () {})() });
  }
  @Get('/fails-early') failsEarly() {
    return new HttpResponse({ body: (async function* () { throw new Error('down before'); })() });
  }
  @Get('/fails-late') failsLate() {
    return new HttpResponse({
      body: (async function* () {
        yield 'partial';
        throw new Error('down after');
      })(),
    });
  }
  @Get('/endless') endless() {
    return new HttpResponse({
      body: (async function* () {
        try {
          for (let n = 0; ; n++) {
            yield n + '\\n';
            await new Promise((resolve) => setTimeout(resolve, 5));
          }
        } finally {
          stopped = true;
        }
      })(),
    });
  }
  @Get('/stopped') wasStopped() {
    return { stopped };
  }
  @Get('/events') events() {
    return sse((async function* () { yield { event: 'tick', data: 'a\\nb' }; yield { data: { n: 2 } }; })());
  }
}
`;
