import fc from 'fast-check';
import { createHandler } from '../../handler/create-handler';
import { captureLogger } from '../support/handler-harness';
import { HostileApi } from '../support/hostile-api';
import {
  HOSTILE_SOURCES,
  type HostileRequest,
  type HostileSource,
  hostileEvent,
} from '../support/hostile-events';
import { lambdaContext } from '../support/lambda-context';

// `npm test` runs a bounded number of requests of up to 256 KB; `npm run test:hostile` runs many
// more, up to the 1 MiB body limit, with the same properties.
const RUNS = Number(process.env['HOSTILE_RUNS'] ?? 6);
const MAX_BYTES = Number(process.env['HOSTILE_MAX_BYTES'] ?? 262_144);
/** `HOSTILE_SEED` and `HOSTILE_PATH` replay a counterexample fast-check printed. */
const REPLAY =
  process.env['HOSTILE_SEED'] === undefined
    ? {}
    : { seed: Number(process.env['HOSTILE_SEED']), path: process.env['HOSTILE_PATH'] ?? '' };
/** No problem body may be larger than this, whatever the request. */
const PROBLEM_BYTES = 4_096;

/** A hostile request and the statuses a careful server answers it with. */
interface Attack {
  readonly name: string;
  readonly request: HostileRequest;
  readonly statuses: readonly number[];
}

const size = fc.integer({ min: 1_000, max: MAX_BYTES });
const json = [['content-type', 'application/json']] as const;

/** The default `maxBodyBytes`: a larger body is answered 413 before anything reads it. */
const MAX_BODY_BYTES = 1_048_576;

function post(body: string): HostileRequest {
  return { method: 'POST', path: '/documents', rawQuery: '', headers: json, body };
}

/** What a body attack gets: 400, unless the attack made it too large to read at all. */
function bodyStatus(body: string): number[] {
  return Buffer.byteLength(body) > MAX_BODY_BYTES ? [413] : [400];
}

function get(path: string, rawQuery = '', headers: HostileRequest['headers'] = []): HostileRequest {
  return { method: 'GET', path, rawQuery, headers };
}

function repeat(unit: string, bytes: number): string {
  return unit.repeat(Math.max(1, Math.floor(bytes / unit.length)));
}

/** Counterexamples print as a name and sizes, not as a megabyte of JSON. */
function described(attack: Attack): Attack {
  const { request } = attack;
  const text = `${attack.name}: ${request.method.length} B method, ${request.path.length} B path, ${request.rawQuery.length} B query, ${request.headers.length} header lines, ${request.body?.length ?? 0} B body`;
  return Object.assign(attack, { [fc.toStringMethod]: () => text });
}

const attackKinds: fc.Arbitrary<Attack> = fc.oneof(
  fc
    .tuple(size, fc.constantFrom('[', '{"a":'), fc.constantFrom('', '\\u0061', 'constructor'))
    .map(([bytes, open, word]) => {
      const depth = Math.floor(bytes / (open.length + 1));
      const close = open === '[' ? ']' : '}';
      const inner = word === '' ? '1' : `{"${word}":1}`;
      return {
        name: 'depth bomb',
        request: post(`{"tags":${open.repeat(depth)}${inner}${close.repeat(depth)}}`),
        statuses: [400, 413],
      };
    }),
  fc.tuple(size, fc.constantFrom('1', 'null', '"x"', '{}')).map(([bytes, item]) => ({
    name: 'huge array of bad items',
    request: post(`{"lines":[${repeat(`${item},`, bytes)}${item}]}`),
    statuses: [400, 413],
  })),
  fc.tuple(size, fc.integer({ min: 1, max: 50_000 })).map(([bytes, keyLength]) => {
    const count = Math.max(1, Math.floor(bytes / (keyLength + 6)));
    const keys = Array.from(
      { length: count },
      (_, index) => `"${index}${'k'.repeat(keyLength)}":1`,
    );
    return {
      name: 'many long unknown keys',
      request: post(`{${keys.join(',')}}`),
      statuses: [400, 413],
    };
  }),
  fc.tuple(size, fc.constantFrom('%C3', '%ED%A0', '%F', '%zz')).map(([bytes, bad]) => ({
    name: 'bad escapes in the path',
    request: get(`/items/${repeat(bad, bytes)}`),
    statuses: [400],
  })),
  fc.tuple(size, fc.constantFrom('%C3', '%FF%FE')).map(([bytes, bad]) => ({
    name: 'bad escapes in the query',
    request: get('/items/1', `limit=${repeat(bad, bytes)}&${repeat(`${bad}=1&`, bytes / 4)}`),
    statuses: [400],
  })),
  fc.tuple(size, fc.integer({ min: 1, max: 64 })).map(([bytes, valueLength]) => {
    const count = Math.max(1, Math.floor(bytes / (valueLength + 2)));
    const value = 'v'.repeat(valueLength);
    const lines = Array.from({ length: count }, () => ['x-list', value] as const);
    return {
      name: 'a huge header list',
      request: get('/items/not-a-number', '', [['cookie', repeat('a=1; ', bytes / 8)], ...lines]),
      statuses: [400],
    };
  }),
  size.map((bytes) => ({
    name: 'a huge greedy path',
    request: { ...get(`/files/${repeat('a/', bytes)}a`), method: 'DELETE' },
    statuses: [405],
  })),
  size.map((bytes) => ({
    name: 'a huge unknown path',
    request: get(`/nowhere/${repeat('x', bytes)}`),
    statuses: [404],
  })),
  fc.constantFrom('M', 'é', '%').map((unit) => ({
    name: 'a huge method',
    request: { ...get('/items/1'), method: unit.repeat(100_000) },
    statuses: [405],
  })),
  fc.integer({ min: 1_048_577, max: 1_200_000 }).map((bytes) => ({
    name: 'a body over the limit',
    request: post(`{"tags":["${'t'.repeat(bytes)}"]}`),
    statuses: [413],
  })),
);
const attacks = attackKinds.map(described);

interface Answer {
  readonly status: number;
  readonly body: string;
  readonly size: number;
}

function read(result: unknown): Answer {
  const { statusCode, body } = result as { statusCode: unknown; body: unknown };
  if (!Number.isInteger(statusCode) || typeof body !== 'string') {
    throw new Error(`not a well-formed result: ${JSON.stringify(result).slice(0, 200)}`);
  }
  return { status: statusCode as number, body, size: JSON.stringify(result).length };
}

describe('hostile requests', () => {
  const logger = captureLogger();
  const handler = createHandler(HostileApi, { logger, accessLog: false });

  it.each(HOSTILE_SOURCES)(
    'through %s: a bounded 4xx problem with the request id, however the request is built',
    async (source: HostileSource) => {
      await fc.assert(
        fc.asyncProperty(attacks, fc.boolean(), async (attack, asHead) => {
          const head = asHead && attack.request.method === 'GET';
          const request = head ? { ...attack.request, method: 'HEAD' } : attack.request;
          const requestId = `hostile-${source}`;
          const answer = read(
            await handler(
              hostileEvent(source, request),
              lambdaContext({ awsRequestId: requestId }),
            ),
          );

          const expected = attack.statuses.includes(413)
            ? bodyStatus(attack.request.body ?? '')
            : attack.statuses;
          if (!expected.includes(answer.status)) {
            throw new Error(
              `expected ${expected.join(' or ')}, got ${answer.status}: ${answer.body.slice(0, 300)}`,
            );
          }
          expect(answer.size).toBeLessThan(2 * PROBLEM_BYTES);
          if (head) {
            expect(answer.body).toBe('');
            return;
          }
          expect(Buffer.byteLength(answer.body)).toBeLessThanOrEqual(PROBLEM_BYTES);
          const problem = JSON.parse(answer.body) as Record<string, unknown>;
          expect(problem).toMatchObject({ status: answer.status, requestId });
          expect(answer.body).not.toMatch(/call stack|RangeError|at .*\.js:\d+/);
        }),
        { numRuns: RUNS, ...REPLAY },
      );
      expect(logger.records.filter(({ level }) => level === 'error')).toEqual([]);
    },
    // Not a speed check: room for megabyte requests on a busy machine, and for shrinking.
    RUNS * 20_000,
  );
});
