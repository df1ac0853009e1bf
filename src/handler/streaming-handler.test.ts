import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Get } from '../decorators/route';
import { HttpResponse } from '../http/response';
import type { LambdaResponseStream } from '../streaming/lambda-runtime';
import { sse } from '../streaming/sse';
import { captureLogger, send } from '../test/support/handler-harness';
import { httpApiEvent } from '../test/support/http-api-event';
import { lambdaContext } from '../test/support/lambda-context';
import { FakeResponseStream, fakeRuntime } from '../test/support/streaming-runtime';
import { createHandler } from './create-handler';
import { streamifyHandler, streamingHandlerOf } from './streaming-handler';

const FIXTURES = join(__dirname, '../test/fixtures/events');

function fixture(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(FIXTURES, path), 'utf8')) as Record<string, unknown>;
}

/** A function URL request for `method path`, without a body. */
function functionUrlEvent(method: string, path: string): unknown {
  const event = fixture('function-url/aws-sample.json');
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

/** A promise and the function that resolves it. */
function gate(): { opened: Promise<void>; open(): void } {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

async function until(check: () => boolean): Promise<void> {
  for (let turn = 0; !check(); turn++) {
    if (turn > 1_000) throw new Error('gave up waiting');
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

const events = { produced: [] as string[], stopped: false };
const slow = gate();
const logger = captureLogger();

class Streams {
  @Get('/empty') empty() {
    return new HttpResponse({
      status: 201,
      headers: { 'x-kind': 'empty' },
      body: (async function* () {})(),
    });
  }
  @Get('/gated') gated() {
    return new HttpResponse({
      headers: { 'content-type': 'application/x-ndjson' },
      body: (async function* () {
        events.produced.push('first');
        yield '{"n":1}\n';
        await slow.opened;
        events.produced.push('second');
        yield Buffer.from('{"n":2}\n');
      })(),
    });
  }
  @Get('/fails-early') failsEarly() {
    return new HttpResponse({
      body: {
        [Symbol.asyncIterator]: () => ({
          next: async () => {
            throw new Error('database down');
          },
        }),
      },
    });
  }
  @Get('/fails-late') failsLate() {
    return new HttpResponse({
      body: (async function* () {
        yield 'partial';
        throw new Error('lost the cursor');
      })(),
    });
  }
  @Get('/endless') endless() {
    return new HttpResponse({
      body: (async function* () {
        try {
          for (let n = 0; ; n++) {
            events.produced.push(`endless ${n}`);
            yield `${n}\n`;
            await new Promise((resolve) => setTimeout(resolve, 1));
          }
        } finally {
          events.stopped = true;
        }
      })(),
    });
  }
  @Get('/node') node() {
    return new HttpResponse({ body: Readable.from(['a', 'b', 'c']) });
  }
  @Get('/web') web() {
    const chunks = ['x', 'y'];
    return new HttpResponse({
      headers: { 'content-type': 'text/plain' },
      body: new ReadableStream<string>({
        pull(controller) {
          const next = chunks.shift();
          if (next === undefined) controller.close();
          else controller.enqueue(next);
        },
      }),
    });
  }
  @Get('/events') events() {
    return sse(
      (async function* () {
        yield { event: 'greeting', id: '1', data: 'hello\nworld' };
        yield { data: { n: 2 }, retry: 1500 };
        yield 'plain';
      })(),
    );
  }
  @Get('/json') json() {
    return { ok: true };
  }
  @Get('/large') large() {
    return new HttpResponse({
      body: (async function* () {
        for (let n = 0; n < 100; n++) {
          events.produced.push(`large ${n}`);
          yield Buffer.alloc(64 * 1024, 'a');
        }
      })(),
    });
  }
}

const handler = createHandler(Streams, { logger, accessLog: false });
const streaming = streamingHandlerOf(handler, fakeRuntime);

async function stream(method: string, path: string, event = functionUrlEvent(method, path)) {
  const response = new FakeResponseStream();
  await streaming(event, response as unknown as LambdaResponseStream, lambdaContext());
  await response.finished();
  return response;
}

beforeEach(() => {
  events.produced = [];
  events.stopped = false;
  logger.records.length = 0;
});

describe('streamingHandlerOf, through a runtime-shaped awslambda', () => {
  it('C42: sends the status and headers in the prelude even when the body is empty', async () => {
    const response = await stream('GET', '/empty');

    expect(response.parsed()).toEqual({
      prelude: {
        statusCode: 201,
        headers: { 'content-type': 'application/octet-stream', 'x-kind': 'empty' },
        cookies: [],
      },
      body: '',
    });
  });

  it('sends each chunk as it is produced: the first before the producer finishes', async () => {
    const response = new FakeResponseStream();
    const done = streaming(
      functionUrlEvent('GET', '/gated'),
      response as unknown as LambdaResponseStream,
      lambdaContext(),
    );

    await until(() => response.bytes().toString().includes('{"n":1}'));
    expect(events.produced).toEqual(['first']);
    slow.open();
    await done;

    expect(events.produced).toEqual(['first', 'second']);
    expect(response.parsed()).toEqual({
      prelude: {
        statusCode: 200,
        headers: { 'content-type': 'application/x-ndjson' },
        cookies: [],
      },
      body: '{"n":1}\n{"n":2}\n',
    });
    // The prelude, its 8 NUL bytes, then one write per chunk, in order.
    expect(response.received.map((write) => write.bytes.toString())).toEqual([
      JSON.stringify(response.parsed().prelude),
      '\0'.repeat(8),
      '{"n":1}\n',
      '{"n":2}\n',
    ]);
  });

  it('answers an error before the first chunk with a problem, logged', async () => {
    const response = await stream('GET', '/fails-early');

    const { prelude, body } = response.parsed();
    expect(prelude.statusCode).toBe(500);
    expect(prelude.headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(body)).toMatchObject({ status: 500, title: 'Internal Server Error' });
    expect(body).not.toContain('database down');
    expect(JSON.stringify(logger.records)).toContain('database down');
  });

  it('ends the stream on an error after the first chunk and logs it with the request id', async () => {
    const response = await stream('GET', '/fails-late');

    expect(response.destroyed).toBe(true);
    expect(response.parsed().body).toBe('partial');
    const errors = logger.records.filter(({ level }) => level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.record).toMatchObject({
      message: 'stream failed after its first chunk',
      requestId: lambdaContext().awsRequestId,
      route: 'GET /fails-late',
    });
  });

  it('stops the producer when the client goes away', async () => {
    const response = new FakeResponseStream();
    const done = streaming(
      functionUrlEvent('GET', '/endless'),
      response as unknown as LambdaResponseStream,
      lambdaContext(),
    );

    await until(() => response.bytes().toString().includes('3\n'));
    response.destroy();
    await done;

    // The generator's `finally` ran: it ended, and cannot produce again.
    await until(() => events.stopped);
    expect(JSON.stringify(logger.records)).toContain('client closed the stream');
  });

  it('streams Node Readable and web ReadableStream bodies', async () => {
    expect((await stream('GET', '/node')).parsed().body).toBe('abc');
    expect((await stream('GET', '/web')).parsed()).toEqual({
      prelude: { statusCode: 200, headers: { 'content-type': 'text/plain' }, cookies: [] },
      body: 'xy',
    });
  });

  it('frames server-sent events: one data line per line, a blank line after each', async () => {
    const { prelude, body } = (await stream('GET', '/events')).parsed();

    expect(prelude.headers).toEqual({
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
    });
    expect(body).toBe(
      'event: greeting\nid: 1\ndata: hello\ndata: world\n\n' +
        'retry: 1500\ndata: {"n":2}\n\n' +
        'data: plain\n\n',
    );
  });

  it('writes an answer that is not a stream whole, in the same streamed form', async () => {
    expect((await stream('GET', '/json')).parsed()).toEqual({
      prelude: { statusCode: 200, headers: { 'content-type': 'application/json' }, cookies: [] },
      body: '{"ok":true}',
    });
    expect((await stream('GET', '/missing')).parsed().prelude.statusCode).toBe(404);
  });

  it('sends HEAD the prelude alone and stops the producer', async () => {
    const response = await stream('HEAD', '/endless');

    expect(response.parsed().body).toBe('');
    expect(events.produced).toEqual([]);
  });

  it.each([
    ['an HTTP API', () => httpApiEvent('GET', '/node')],
    ['an ALB', () => ({ ...fixture('alb/aws-sample.json'), path: '/node', httpMethod: 'GET' })],
    [
      'an HTTP API with payload 1.0',
      () => ({ ...fixture('apigw-rest/http-api-v1.json'), path: '/node', httpMethod: 'GET' }),
    ],
  ])(
    'writes %s, which does not stream, its ordinary result as the payload',
    async (_label, event) => {
      const response = await stream('GET', '/node', event());

      const result = JSON.parse(response.bytes().toString()) as {
        statusCode: number;
        body: string;
      };
      expect(response.contentType).toBe('application/octet-stream');
      expect(result.statusCode).toBe(200);
      const body = (result as { isBase64Encoded?: boolean }).isBase64Encoded
        ? Buffer.from(result.body, 'base64').toString()
        : result.body;
      expect(body).toBe('abc');
    },
  );
});

describe('a stream body where the invocation buffers', () => {
  it('is collected into an ordinary response', async () => {
    const answer = await send(handler, 'GET', '/web');

    expect(answer.status).toBe(200);
    expect(answer.body).toBe('xy');
  });

  it('sends SSE collected as text', async () => {
    const answer = await send(handler, 'GET', '/events');

    expect(answer.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(answer.body).toContain('data: plain\n\n');
  });

  it('answers 500 past the source limit, having stopped the producer there', async () => {
    const alb = { ...fixture('alb/aws-sample.json'), path: '/large', httpMethod: 'GET' };

    const result = (await handler(alb, lambdaContext())) as { statusCode: number; body: string };

    expect(result.statusCode).toBe(500);
    expect(JSON.parse(result.body).detail).toMatch(/alb accepts at most 1048576/);
    // 1 MiB is 16 chunks of 64 KiB: the 17th crossed the limit, and nothing more was produced.
    expect(events.produced).toHaveLength(17);
  });

  it('answers an error while collecting with a 500 problem', async () => {
    const answer = await send(handler, 'GET', '/fails-late');

    expect(answer.status).toBe(500);
    expect(answer.body).not.toContain('partial');
  });
});

describe('streamifyHandler', () => {
  afterEach(() => {
    Reflect.deleteProperty(globalThis, 'awslambda');
  });

  it('wraps the handler with the runtime global streamifyResponse', () => {
    Reflect.set(globalThis, 'awslambda', fakeRuntime);
    const before = fakeRuntime.streamified;

    expect(typeof streamifyHandler(handler)).toBe('function');
    expect(fakeRuntime.streamified).toBe(before + 1);
  });

  it('refuses outside the Lambda runtime and for handlers createHandler did not make', () => {
    expect(() => streamifyHandler(handler)).toThrow('awslambda global');
    expect(() => streamingHandlerOf(async () => ({}), fakeRuntime)).toThrow(
      'streamingHandlerOf takes a handler made by createHandler.',
    );
  });
});
