import { existsSync, writeFileSync } from 'node:fs';
import { get, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import {
  functionFolder,
  type ServerUnderTest,
  scratchFolder,
  startServer,
} from './support/local-server';

const STREAMING_ROUTES = `
import { existsSync } from 'node:fs';
import { Get, HttpResponse, sse } from 'lambda-controllers';

let stopped = false;
const gateOpen = async () => {
  while (!existsSync(process.env.GATE_FILE ?? '')) await new Promise((resolve) => setTimeout(resolve, 5));
};

export class routes {
  @Get('/gated') gated() {
    return new HttpResponse({
      headers: { 'content-type': 'application/x-ndjson' },
      body: (async function* () {
        yield '{"n":1}\\n';
        await gateOpen();
        yield '{"n":2}\\n';
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
    return sse((async function* () { yield { event: 'tick', data: 1 }; yield 'done'; })());
  }
  @Get('/json') json() {
    return { ok: true };
  }
}
`;

let server: ServerUnderTest;
let gateFile: string;

beforeAll(async () => {
  gateFile = join(scratchFolder(), 'gate');
  const functionDir = functionFolder({ 'routes.js': STREAMING_ROUTES });
  server = await startServer([
    '--function',
    functionDir,
    '--stream',
    '--concurrency',
    '1',
    '--services',
    'none',
    '--env',
    `GATE_FILE=${gateFile}`,
  ]);
});

afterAll(async () => {
  await server?.stop();
});

/** A GET whose body is read chunk by chunk as it arrives, like `curl -N`. */
function open(path: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    get(`${server.url}${path}`, resolve).on('error', reject);
  });
}

async function textOf(response: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of response) text += String(chunk);
  return text;
}

describe('npm start -- --stream', () => {
  it('sends each chunk as the function produces it, with chunked transfer', async () => {
    const response = await open('/gated');
    const chunks = response[Symbol.asyncIterator]();

    const first = await chunks.next();
    expect(String(first.value)).toBe('{"n":1}\n');
    // The producer is still waiting: the second line exists only once the gate opens.
    expect(existsSync(gateFile)).toBe(false);
    writeFileSync(gateFile, '');
    let rest = '';
    for (let next = await chunks.next(); next.done !== true; next = await chunks.next()) {
      rest += String(next.value);
    }

    expect(response.statusCode).toBe(200);
    expect(response.headers['transfer-encoding']).toBe('chunked');
    expect(response.headers['content-type']).toBe('application/x-ndjson');
    expect(rest).toBe('{"n":2}\n');
  });

  it('frames server-sent events', async () => {
    const response = await open('/events');

    expect(response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(await textOf(response)).toBe('event: tick\ndata: 1\n\ndata: done\n\n');
  });

  it('stops the producer when the client goes away', async () => {
    const response = await open('/endless');
    const chunks = response[Symbol.asyncIterator]();
    await chunks.next();
    await chunks.next();

    response.destroy();

    let stopped: unknown;
    while (stopped !== true) {
      const check = await fetch(`${server.url}/stopped`);
      stopped = ((await check.json()) as { stopped: boolean }).stopped;
    }
    expect(stopped).toBe(true);
  });

  it('answers a route that returns a value whole', async () => {
    const response = await fetch(`${server.url}/json`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });
});
