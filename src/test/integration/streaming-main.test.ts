import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchInTaskRoot } from '../../local/task-root';
import { httpApiEvent } from '../support/http-api-event';
import { compileFunction } from './support/compile-function';
import { layerRuntimes } from './support/runtimes';
import { STREAMING_BOOTSTRAP, STREAMING_ROUTES } from './support/streaming-fixtures';

const PRELUDE_TYPE = 'application/vnd.awslambda.http-integration-response';

type Message =
  | { type: 'ready'; streaming: boolean }
  | { type: 'write'; id: number; contentType: string; data: string }
  | { type: 'finish' | 'close'; id: number }
  | { type: 'settled'; id: number; error?: string };

/** What the "network" received for one invocation, as it arrived. */
interface Invocation {
  readonly writes: Buffer[];
  contentType: string;
  finished: boolean;
  closed: boolean;
  settled: boolean;
}

function functionUrlEvent(method: string, path: string): unknown {
  const file = join(__dirname, '../fixtures/events/function-url/aws-sample.json');
  const event = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const context = event['requestContext'] as { http: Record<string, unknown> };
  return {
    ...event,
    rawPath: path,
    rawQueryString: '',
    queryStringParameters: undefined,
    body: undefined,
    requestContext: { ...context, http: { ...context.http, method, path } },
  };
}

/** A child Node process loading `main.handler` the way the runtime does, in streaming mode. */
class StreamingRuntime {
  readonly invocations = new Map<number, Invocation>();
  readonly output: string[] = [];
  #next = 1;
  #waiters: Array<() => void> = [];

  private constructor(readonly child: ChildProcess) {
    child.on('message', (message: Message) => {
      if (message.type !== 'ready') {
        const invocation = this.invocations.get(message.id);
        if (invocation !== undefined) {
          if (message.type === 'write') {
            invocation.contentType = message.contentType;
            invocation.writes.push(Buffer.from(message.data, 'base64'));
          } else if (message.type === 'finish') invocation.finished = true;
          else if (message.type === 'close') invocation.closed = true;
          else invocation.settled = true;
        }
      }
      for (const wake of this.#waiters.splice(0)) wake();
    });
    child.stdout?.on('data', (data: Buffer) => {
      this.output.push(data.toString());
      for (const wake of this.#waiters.splice(0)) wake();
    });
  }

  static async start(binary: string, functionDir: string, bootstrap: string) {
    const { child } = launchInTaskRoot(bootstrap, {
      functionDir,
      nodeBinary: binary,
      env: { LAMBDA_CONTROLLERS_STREAM: '1' },
    });
    const ready = await new Promise<Message>((resolve, reject) => {
      child.once('message', resolve);
      child.once('exit', (code) => reject(new Error(`bootstrap exited with ${code}`)));
    });
    return { runtime: new StreamingRuntime(child), ready };
  }

  invoke(event: unknown): { id: number; invocation: Invocation } {
    const id = this.#next++;
    const invocation: Invocation = {
      writes: [],
      contentType: '',
      finished: false,
      closed: false,
      settled: false,
    };
    this.invocations.set(id, invocation);
    this.child.send({ type: 'invoke', id, event });
    return { id, invocation };
  }

  async until(check: () => boolean): Promise<void> {
    while (!check()) await new Promise<void>((wake) => this.#waiters.push(wake));
  }

  async call(event: unknown): Promise<Invocation> {
    const { invocation } = this.invoke(event);
    await this.until(() => invocation.settled);
    return invocation;
  }
}

function split(invocation: Invocation): { prelude: Record<string, unknown>; body: string } {
  const all = Buffer.concat(invocation.writes);
  const end = all.indexOf(Buffer.alloc(8));
  expect(invocation.contentType).toBe(PRELUDE_TYPE);
  return {
    prelude: JSON.parse(all.subarray(0, end).toString()),
    body: all.subarray(end + 8).toString(),
  };
}

describe.each(layerRuntimes())(
  'main.handler with LAMBDA_CONTROLLERS_STREAM=1 on $label',
  ({ binary }) => {
    let runtime: StreamingRuntime;
    let ready: Message;

    beforeAll(async () => {
      const dir = compileFunction({
        'routes.js': STREAMING_ROUTES,
        'bootstrap.js': STREAMING_BOOTSTRAP,
      });
      ({ runtime, ready } = await StreamingRuntime.start(binary, dir, join(dir, 'bootstrap.js')));
    });

    afterAll(() => {
      runtime?.child.kill();
    });

    it('is the handler awslambda.streamifyResponse returned', () => {
      expect(ready).toEqual({ type: 'ready', streaming: true });
    });

    it('C42: writes the prelude with status and headers for an empty body', async () => {
      const invocation = await runtime.call(functionUrlEvent('GET', '/empty'));
      // 'finish' follows end() asynchronously: it may arrive after the handler settled.
      await runtime.until(() => invocation.finished);

      expect(split(invocation)).toEqual({
        prelude: {
          statusCode: 202,
          headers: { 'content-type': 'application/octet-stream', 'x-kind': 'empty' },
          cookies: [],
        },
        body: '',
      });
    });

    it('writes the prelude, 8 NUL bytes, then each chunk before the producer has finished', async () => {
      const { id, invocation } = runtime.invoke(functionUrlEvent('GET', '/gated'));

      await runtime.until(() => invocation.writes.length >= 3);
      expect(invocation.writes.map(String).slice(1)).toEqual(['\0'.repeat(8), '{"n":1}\n']);
      expect(invocation.finished).toBe(false);
      runtime.child.send({ type: 'open-gate', id });
      await runtime.until(() => invocation.settled && invocation.finished);

      expect(split(invocation).body).toBe('{"n":1}\n{"n":2}\n');
      expect(split(invocation).prelude).toMatchObject({ statusCode: 200 });
    });

    it('answers an error before the first chunk with a 500 problem', async () => {
      const { prelude, body } = split(await runtime.call(functionUrlEvent('GET', '/fails-early')));

      expect(prelude).toMatchObject({
        statusCode: 500,
        headers: { 'content-type': 'application/problem+json' },
      });
      expect(JSON.parse(body)).toMatchObject({ status: 500 });
    });

    it('ends the stream on an error after the first chunk, logging the request id', async () => {
      const { id, invocation } = runtime.invoke(functionUrlEvent('GET', '/fails-late'));
      await runtime.until(() => invocation.settled && invocation.closed);

      expect(split(invocation).body).toBe('partial');
      expect(invocation.finished).toBe(false);
      await runtime.until(() => runtime.output.join('').includes(`"requestId":"request-${id}"`));
      expect(runtime.output.join('')).toContain('stream failed after its first chunk');
    });

    it('stops the producer when the client goes away', async () => {
      const { id, invocation } = runtime.invoke(functionUrlEvent('GET', '/endless'));
      await runtime.until(() => Buffer.concat(invocation.writes).includes('2\n'));

      runtime.child.send({ type: 'abort', id });
      await runtime.until(() => invocation.settled);

      const status = await runtime.call(functionUrlEvent('GET', '/stopped'));
      expect(split(status).body).toBe('{"stopped":true}');
    });

    it('frames server-sent events', async () => {
      const { prelude, body } = split(await runtime.call(functionUrlEvent('GET', '/events')));

      expect(prelude).toMatchObject({
        headers: { 'content-type': 'text/event-stream; charset=utf-8' },
      });
      expect(body).toBe('event: tick\ndata: a\ndata: b\n\ndata: {"n":2}\n\n');
    });

    it('writes an HTTP API, which buffers, its ordinary payload 2.0 result', async () => {
      const invocation = await runtime.call(httpApiEvent('GET', '/events'));
      const result = JSON.parse(Buffer.concat(invocation.writes).toString());

      expect(invocation.contentType).toBe('application/octet-stream');
      expect(result).toMatchObject({
        statusCode: 200,
        body: 'event: tick\ndata: a\ndata: b\n\ndata: {"n":2}\n\n',
      });
    });
  },
);
