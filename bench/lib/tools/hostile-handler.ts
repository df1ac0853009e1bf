// The worst request of each kind, about 1 MB, beside a plain request of the same size, through
// lambda-controllers' createHandler loaded from the layer: what a hostile client can make one
// invocation cost.
import { createHandler } from 'lambda-controllers';
import { HostileApi } from '../../../src/test/support/hostile-api.ts';
import {
  type HostileRequest,
  type HostileSource,
  hostileEvent,
} from '../../../src/test/support/hostile-events.ts';
import { lambdaContext } from '../../../src/test/support/lambda-context.ts';
import { runMain } from './route-shapes.ts';

/** About a megabyte of event, under the default 1 MiB body limit with room for the JSON around it. */
const BYTES = 1_000_000;
const json = [['content-type', 'application/json']] as const;

function fill(unit: string, bytes: number): string {
  return unit.repeat(Math.floor(bytes / unit.length));
}

function post(body: string): HostileRequest {
  return { method: 'POST', path: '/documents', rawQuery: '', headers: json, body };
}

function get(path: string, rawQuery = '', headers: HostileRequest['headers'] = []): HostileRequest {
  return { method: 'GET', path, rawQuery, headers };
}

interface Kind {
  readonly kind: string;
  readonly source: HostileSource;
  /** The hostile request and a plain one of about `bytes` bytes. */
  readonly hostile: (bytes: number) => HostileRequest;
  readonly plain: (bytes: number) => HostileRequest;
}

const plainBody = (bytes: number) => post(`{"tags":[${fill('"lorem ips",', bytes)}"x"]}`);

const KINDS: readonly Kind[] = [
  {
    kind: 'JSON nested as deep as the body is long',
    source: 'apigw-http',
    hostile: (bytes) => post(`{"tags":${fill('[', bytes / 2)}${fill(']', bytes / 2)}}`),
    plain: plainBody,
  },
  {
    kind: 'an array of bad items, `[1,1,…]`',
    source: 'apigw-http',
    hostile: (bytes) => post(`{"lines":[${fill('1,', bytes)}1]}`),
    plain: (bytes) =>
      post(`{"lines":[${fill('{"text":"lorem ipsum dolor sit"},', bytes)}{"text":"x"}]}`),
  },
  {
    // The most keys an object may have (maxJsonKeys, 1,000), in as many objects as fit.
    kind: 'objects of 1,000 unknown keys each',
    source: 'apigw-http',
    hostile: (bytes) => {
      const object = `{${Array.from({ length: 1_000 }, (_, index) => `"k${String(index).padStart(4, '0')}":1`).join(',')}}`;
      const count = Math.max(1, Math.floor(bytes / (object.length + 1)));
      return post(`{"lines":[${Array.from({ length: count }, () => object).join(',')}]}`);
    },
    plain: (bytes) =>
      post(`{"lines":[${fill('{"text":"lorem ipsum dolor sit"},', bytes)}{"text":"x"}]}`),
  },
  {
    kind: 'malformed escapes in the path, `%C3%C3…`',
    source: 'apigw-rest',
    hostile: (bytes) => get(`/items/${fill('%C3', bytes)}`),
    plain: (bytes) => get(`/items/${fill('a', bytes)}`),
  },
  {
    kind: 'malformed escapes in query keys and values',
    source: 'alb',
    hostile: (bytes) =>
      get('/items/1', `limit=${fill('%C3', bytes / 2)}&${fill('%C3=1&', bytes / 2)}`),
    plain: (bytes) => get('/items/1', `limit=${fill('a', bytes / 2)}&${fill('abc=1&', bytes / 2)}`),
  },
  {
    kind: 'one multi-value header of one-byte values',
    source: 'apigw-rest',
    hostile: (bytes) =>
      get(
        '/items/x',
        '',
        Array.from({ length: Math.floor(bytes / 8) }, () => ['x-list', 'v'] as const),
      ),
    plain: (bytes) =>
      get(
        '/items/x',
        '',
        Array.from({ length: 10 }, (_, index) => [`x-h${index}`, fill('v', bytes / 20)] as const),
      ),
  },
  {
    kind: 'a `{proxy+}` value of one-letter segments',
    source: 'apigw-rest',
    hostile: (bytes) => get(`/files/${fill('a/', bytes / 2)}a`),
    plain: (bytes) => get(`/files/${fill('a', bytes / 2)}`),
  },
  {
    kind: 'an unknown path on ALB',
    source: 'alb',
    hostile: (bytes) => get(`/nowhere/${fill('x', bytes)}`),
    plain: (bytes) => get(`/files/${fill('x', bytes)}`),
  },
];

const context = lambdaContext();
const handler = createHandler(HostileApi, { accessLog: false });

interface Prepared {
  readonly kind: string;
  readonly hostile: object;
  readonly plain: object;
  /** The hostile request at a quarter of the size, to show that cost grows with size alone. */
  readonly quarter: object;
}

const prepared: Prepared[] = KINDS.map((kind) => ({
  kind: kind.kind,
  hostile: hostileEvent(kind.source, kind.hostile(BYTES)),
  plain: hostileEvent(kind.source, kind.plain(BYTES)),
  quarter: hostileEvent(kind.source, kind.hostile(BYTES / 4)),
}));

async function invoke(event: object): Promise<{ ms: number; status: number; bytes: number }> {
  const started = process.hrtime.bigint();
  const result = (await handler(event, context)) as { statusCode: number; body: string };
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { ms, status: result.statusCode, bytes: Buffer.byteLength(result.body) };
}

/** The size of the event as Lambda delivers it: the JSON of the invocation payload. */
function eventBytes(event: object): number {
  return Buffer.byteLength(JSON.stringify(event));
}

async function main(): Promise<void> {
  const rounds = Number(process.env['BENCH_ROUNDS'] ?? 5);
  const results = prepared.map((pair) => ({
    kind: pair.kind,
    hostileBytes: eventBytes(pair.hostile),
    plainBytes: eventBytes(pair.plain),
    quarterBytes: eventBytes(pair.quarter),
    hostileStatus: 0,
    plainStatus: 0,
    answerBytes: 0,
    hostile: [] as number[],
    plain: [] as number[],
    quarter: [] as number[],
  }));
  // One warm-up round, then the hostile, plain and quarter-size requests in turn, so all three
  // see the same machine.
  for (let round = -1; round < rounds; round += 1) {
    for (const [index, pair] of prepared.entries()) {
      const result = results[index];
      if (result === undefined) continue;
      const hostile = await invoke(pair.hostile);
      const plain = await invoke(pair.plain);
      const quarter = await invoke(pair.quarter);
      if (round < 0) {
        result.hostileStatus = hostile.status;
        result.plainStatus = plain.status;
        result.answerBytes = Math.max(hostile.bytes, quarter.bytes);
        continue;
      }
      result.hostile.push(hostile.ms);
      result.plain.push(plain.ms);
      result.quarter.push(quarter.ms);
    }
  }
  process.stdout.write(`${JSON.stringify(results)}\n`);
}

runMain(main());
