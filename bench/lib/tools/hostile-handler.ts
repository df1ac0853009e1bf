// The worst request of each kind, about 1 MB, beside a plain request of the same size, through
// lambda-controllers' createHandler loaded from the layer: what a hostile client can make one
// invocation cost.
import { Type } from 'class-transformer';
import { IsOptional, IsString, ValidateNested } from 'class-validator';
import { Body, createHandler, Get, Param, Post, Query } from 'lambda-controllers';
import {
  type HostileRequest,
  type HostileSource,
  hostileEvent,
} from '../../../src/test/property/hostile-events.ts';
import { lambdaContext } from '../events.ts';
import { runMain } from './route-shapes.ts';

class LineDto {
  @IsString() text!: string;
}

class DocumentDto {
  @IsOptional() @ValidateNested({ each: true }) @Type(() => LineDto) lines?: LineDto[];
  @IsOptional() @IsString({ each: true }) tags?: string[];
}

class Api {
  @Post('/documents') create(@Body() document: DocumentDto) {
    return { lines: document.lines?.length ?? 0, tags: document.tags?.length ?? 0 };
  }
  @Get('/items/{id}') get(@Param('id') id: number, @Query('limit') limit?: number) {
    return { id, limit };
  }
  @Get('/files/{path+}') file(@Param('path') path: string) {
    return { length: path.length };
  }
}

/** About a megabyte, under the default 1 MiB body limit with room for the JSON around it. */
const BYTES = 1_000_000;
const json = [['content-type', 'application/json']] as const;

function fill(unit: string, bytes = BYTES): string {
  return unit.repeat(Math.floor(bytes / unit.length));
}

function post(body: string): HostileRequest {
  return { method: 'POST', path: '/documents', rawQuery: '', headers: json, body };
}

function get(path: string, rawQuery = '', headers: HostileRequest['headers'] = []): HostileRequest {
  return { method: 'GET', path, rawQuery, headers };
}

interface Pair {
  readonly kind: string;
  readonly source: HostileSource;
  readonly hostile: HostileRequest;
  readonly plain: HostileRequest;
}

const plainBody = post(`{"tags":[${fill('"lorem ips",')}"x"]}`);

const PAIRS: readonly Pair[] = [
  {
    kind: 'JSON nested 500,000 deep (400)',
    source: 'apigw-http',
    hostile: post(`{"tags":${fill('[', BYTES / 2)}${fill(']', BYTES / 2)}}`),
    plain: plainBody,
  },
  {
    kind: '500,000 bad array items (400)',
    source: 'apigw-http',
    hostile: post(`{"lines":[${fill('1,')}1]}`),
    plain: post(`{"lines":[${fill('{"text":"lorem ipsum dolor sit"},')}{"text":"x"}]}`),
  },
  {
    kind: '50,000 unknown keys (400)',
    source: 'apigw-http',
    hostile: post(
      `{${Array.from({ length: 50_000 }, (_, index) => `"${index}${'k'.repeat(12)}":1`).join(',')}}`,
    ),
    plain: plainBody,
  },
  {
    kind: 'malformed escapes in the path (400)',
    source: 'apigw-rest',
    hostile: get(`/items/${fill('%C3')}`),
    plain: get(`/items/${fill('a')}`),
  },
  {
    kind: 'malformed escapes in the query (400)',
    source: 'alb',
    hostile: get('/items/1', `limit=${fill('%C3', BYTES / 2)}&${fill('%C3=1&', BYTES / 2)}`),
    plain: get('/items/1', `limit=${fill('a', BYTES / 2)}&${fill('abc=1&', BYTES / 2)}`),
  },
  {
    kind: 'one header with 330,000 values (400)',
    source: 'apigw-rest',
    hostile: get(
      '/items/x',
      '',
      Array.from({ length: BYTES / 3 }, () => ['x-list', 'v'] as const),
    ),
    plain: get(
      '/items/x',
      '',
      Array.from({ length: 100 }, (_, index) => [`x-h${index}`, fill('v', BYTES / 100)] as const),
    ),
  },
  {
    kind: '{proxy+} of 500,000 segments (200)',
    source: 'apigw-rest',
    hostile: get(`/files/${fill('a/')}a`),
    plain: get(`/files/${fill('a')}`),
  },
  {
    kind: 'unknown 1 MB path on ALB (404)',
    source: 'alb',
    hostile: get(`/nowhere/${fill('x')}`),
    plain: get(`/files/${fill('x')}`),
  },
];

const context = lambdaContext();
const handler = createHandler(Api, { accessLog: false });
const prepared = PAIRS.map((pair) => ({
  ...pair,
  hostileEvent: hostileEvent(pair.source, pair.hostile),
  plainEvent: hostileEvent(pair.source, pair.plain),
}));

async function invoke(event: object): Promise<{ ms: number; status: number; bytes: number }> {
  const started = process.hrtime.bigint();
  const result = (await handler(event, context)) as { statusCode: number; body: string };
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { ms, status: result.statusCode, bytes: Buffer.byteLength(result.body) };
}

function sizeOf(request: HostileRequest): number {
  const headers = request.headers.reduce(
    (sum, [name, value]) => sum + name.length + value.length,
    0,
  );
  return (
    request.method.length +
    request.path.length +
    request.rawQuery.length +
    headers +
    Buffer.byteLength(request.body ?? '')
  );
}

async function main(): Promise<void> {
  const rounds = Number(process.env['BENCH_ROUNDS'] ?? 5);
  const results = prepared.map((pair) => ({
    kind: pair.kind,
    hostileBytes: sizeOf(pair.hostile),
    plainBytes: sizeOf(pair.plain),
    hostileStatus: 0,
    plainStatus: 0,
    answerBytes: 0,
    hostile: [] as number[],
    plain: [] as number[],
  }));
  // One warm-up round, then the hostile and the plain request in turn, so both see the same
  // machine.
  for (let round = -1; round < rounds; round += 1) {
    for (const [index, pair] of prepared.entries()) {
      const result = results[index];
      if (result === undefined) continue;
      const hostile = await invoke(pair.hostileEvent);
      const plain = await invoke(pair.plainEvent);
      if (round < 0) {
        result.hostileStatus = hostile.status;
        result.plainStatus = plain.status;
        result.answerBytes = hostile.bytes;
        continue;
      }
      result.hostile.push(hostile.ms);
      result.plain.push(plain.ms);
    }
  }
  process.stdout.write(`${JSON.stringify(results)}\n`);
}

runMain(main());
