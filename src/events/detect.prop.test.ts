import fc from 'fast-check';
import { outgoing, readFixture, recordingLogger, testContext } from '../test/event-source.case';
import { detectEventSource } from './detect';
import { isRecord } from './event-fields';
import { NotAnHttpEventError } from './not-an-http-event-error';
import type { LambdaHttpRequest } from './types';

const RUNS = { numRuns: 200 };

/** Strings that break naive code: prototype keys, bad escapes, surrogates, separators. */
const weirdString = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'valueOf',
    'toString',
    'hasOwnProperty',
    '%',
    '%E0%A4%A',
    '%%41',
    '',
    ' ',
    '\u0000',
    '\uD800',
    'é☕',
    '/../',
    '?#&=+;,',
    '$default',
    '{proxy+}',
    'x'.repeat(100_000),
  ),
  fc.string({ maxLength: 40 }),
);

const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  weirdString,
  fc.array(weirdString, { maxLength: 4 }),
  fc.dictionary(weirdString, fc.oneof(weirdString, fc.array(weirdString, { maxLength: 3 })), {
    maxKeys: 4,
  }),
  fc.anything({ maxDepth: 2 }),
);

/** Near misses of every source's markers, so that detection sees almost-HTTP events. */
const markerish: fc.Arbitrary<unknown> = fc.record(
  {
    version: fc.oneof(fc.constantFrom('2.0', '1.0', 2), junk),
    httpMethod: fc.oneof(fc.constantFrom('GET', 'post'), junk),
    resource: fc.oneof(fc.constantFrom('/{proxy+}', '$default'), junk),
    rawPath: fc.oneof(fc.constant('/a'), junk),
    requestContext: fc.oneof(
      fc.record(
        {
          http: junk,
          elb: junk,
          domainName: fc.oneof(
            fc.constantFrom(
              'x.lambda-url.us-east-1.on.aws',
              'x.execute-api.eu-west-1.amazonaws.com',
            ),
            junk,
          ),
          stage: fc.oneof(fc.constant('prod'), junk),
        },
        { requiredKeys: [] },
      ),
      junk,
    ),
  },
  { requiredKeys: [] },
);

const fixtures: ReadonlyArray<readonly [string, string]> = [
  ['apigw-http', 'aws-sample'],
  ['apigw-http', 'named-stage'],
  ['function-url', 'aws-sample'],
  ['apigw-rest', 'aws-sample'],
  ['apigw-rest', 'http-api-v1-named-stage'],
  ['apigw-rest', 'nested-proxy'],
  ['alb', 'aws-sample'],
  ['alb', 'multi-value'],
];

/** Every path to a value inside `value`, e.g. `['requestContext', 'http', 'method']`. */
function pathsOf(value: unknown, prefix: readonly string[] = []): string[][] {
  if (!isRecord(value)) return [];
  return Object.keys(value).flatMap((key) => [
    [...prefix, key],
    ...pathsOf(value[key], [...prefix, key]),
  ]);
}

interface Mutation {
  readonly path: readonly string[];
  /** Adds `key` below `path` instead of changing `path` itself. */
  readonly intoKey: boolean;
  readonly key: string;
  readonly value: unknown;
  readonly remove: boolean;
}

/** Applies one mutation; properties are defined, so `__proto__` becomes a plain own key. */
function mutate(event: unknown, mutation: Mutation): void {
  const path = mutation.intoKey ? [...mutation.path, mutation.key] : mutation.path;
  let target = event;
  for (const key of path.slice(0, -1)) target = isRecord(target) ? target[key] : undefined;
  const last = path.at(-1);
  if (!isRecord(target) || last === undefined) return;
  if (mutation.remove) Reflect.deleteProperty(target, last);
  else
    Object.defineProperty(target, last, {
      value: mutation.value,
      enumerable: true,
      configurable: true,
      writable: true,
    });
}

function expectWellFormed(request: LambdaHttpRequest): void {
  expect(request.method).toBe(request.method.toUpperCase());
  expect(request.path.startsWith('/')).toBe(true);
  for (const [name, value] of Object.entries(request.headers)) {
    expect(name).toBe(name.toLowerCase());
    expect(typeof value).toBe('string');
  }
  for (const value of Object.values(request.query)) {
    expect(
      typeof value === 'string' ||
        (Array.isArray(value) && value.every((v) => typeof v === 'string')),
    ).toBe(true);
  }
  expect(Object.values(request.cookies).every((value) => typeof value === 'string')).toBe(true);
  expect(request.body === undefined || Buffer.isBuffer(request.body)).toBe(true);
  expect(['string', 'undefined']).toContain(typeof request.sourceIp);
  expect(['string', 'undefined']).toContain(typeof request.sourceRequestId);
  expect(request.context).toBe(testContext);
}

describe('detectEventSource properties', () => {
  it('C5/C8: returns a source or throws NotAnHttpEventError for any value', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), markerish), (event) => {
        try {
          const source = detectEventSource(event);
          expectWellFormed(source.toRequest(event, testContext, {}));
        } catch (error) {
          // The property under test: refusals are always this error, nothing else escapes.
          if (!(error instanceof NotAnHttpEventError)) throw error;
        }
      }),
      RUNS,
    );
  });

  it.each(fixtures)('C8: reads mutated %s/%s events into well-formed requests', (folder, name) => {
    // Prepare
    const sample = readFixture(folder, name);
    const source = detectEventSource(sample);
    const mutation = fc.record({
      path: fc.constantFrom(...pathsOf(sample), ['headers'], ['queryStringParameters']),
      intoKey: fc.boolean(),
      key: weirdString,
      value: junk,
      remove: fc.boolean(),
    });
    // Act & Assess
    fc.assert(
      fc.property(
        fc.array(mutation, { minLength: 1, maxLength: 5 }),
        fc.option(weirdString),
        (mutations, basePath) => {
          const event = structuredClone(sample);
          for (const each of mutations) mutate(event, each);
          // A mutation may remove a marker; the property concerns events the source still takes.
          if (!source.matches(event)) return;
          expectWellFormed(
            source.toRequest(event, testContext, basePath === null ? {} : { basePath }),
          );
        },
      ),
      RUNS,
    );
  });

  it.each(fixtures)(
    'C8/C49: writes any response for %s/%s as a well-formed result',
    (folder, name) => {
      // Prepare
      const event = readFixture(folder, name);
      const source = detectEventSource(event);
      const response = fc.record({
        status: fc.oneof(fc.integer({ min: 100, max: 599 }), fc.double()),
        headers: fc.dictionary(weirdString, fc.array(weirdString, { maxLength: 3 }), {
          maxKeys: 5,
        }),
        cookies: fc.array(weirdString, { maxLength: 4 }),
        body: weirdString,
        isBase64Encoded: fc.boolean(),
      });
      // Act & Assess
      fc.assert(
        fc.property(response, (fields) => {
          const result = source.toResult(outgoing(fields), event, recordingLogger());
          const { statusCode, body } = isRecord(result) ? result : {};
          expect(Number.isInteger(statusCode)).toBe(true);
          expect(typeof body).toBe('string');
          expect(JSON.parse(JSON.stringify(result))).toEqual(result);
        }),
        RUNS,
      );
    },
  );
});
