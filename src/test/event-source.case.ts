import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Context } from 'aws-lambda';
import { detectEventSource } from '../events/detect';
import { isRecord, own } from '../events/event-fields';
import type { EventSource, LambdaHttpRequest } from '../events/types';
import { tryDecode } from '../http/encoding';
import { HttpResponse, type OutgoingResponse, toOutgoingResponse } from '../http/response';
import type { Logger, LogRecord } from '../logging/logger';
import { lambdaContext } from './support/lambda-context';

/** A request as the client sends it, before any AWS service turns it into an event. */
export interface RequestSpec {
  readonly method: string;
  /** Path with the client's percent-encoding. */
  readonly path: string;
  /** Query string as the client sends it, without `?`. */
  readonly query: string;
  /** Header lines in client order and case; a name may repeat. */
  readonly headers: ReadonlyArray<readonly [string, string]>;
  /** Text, or bytes the service sends base64-encoded. */
  readonly body: string | Uint8Array | undefined;
  readonly sourceIp: string;
  readonly requestId: string;
  /** How the service writes a map that would be empty: `{}` (default), `null`, or not at all. */
  readonly emptyMaps?: 'null' | 'absent';
}

/** Cases a format cannot express; the call site gives the reason, as Hono's router suite does. */
export type SuiteCase = 'repeated-query' | 'split-cookie-headers' | 'all-set-cookies';

export interface EventSourceSuiteOptions<E, R> {
  readonly source: EventSource<E, R>;
  /** Builds the event the service sends for `spec`, starting from a documented sample. */
  readonly makeEvent: (spec: RequestSpec) => E;
  /** Distinguishes two runs of one source (e.g. ALB header modes). */
  readonly label?: string;
  readonly unsupported?: Readonly<Partial<Record<SuiteCase, string>>>;
}

/** The parts of any source's result the suite checks. */
interface ResultView {
  readonly statusCode: unknown;
  readonly headers: Record<string, string[]>;
  readonly cookies: string[];
  readonly body: unknown;
  readonly isBase64Encoded: unknown;
}

export const baseSpec: RequestSpec = {
  method: 'GET',
  path: '/users',
  query: '',
  headers: [
    ['Host', 'example.com'],
    ['Accept', 'application/json'],
  ],
  body: undefined,
  sourceIp: '203.0.113.7',
  requestId: 'request-1',
};

export const testContext: Context = lambdaContext();

const FIXTURES = join(__dirname, 'fixtures', 'events');

/** Reads `src/test/fixtures/events/<folder>/<name>.json` as an unchecked value. */
export function readFixture(folder: string, name: string): unknown {
  return JSON.parse(readFileSync(join(FIXTURES, folder, `${name}.json`), 'utf8'));
}

/** Reads a fixture of `source` and checks that the source recognises it. */
export function loadEventFixture<E>(source: EventSource<E, unknown>, name: string): E {
  const event = readFixture(source.name, name);
  if (!source.matches(event)) throw new Error(`${source.name}/${name}.json is not its event`);
  return event;
}

/**
 * Turns a built object into the JSON Lambda would deliver (keys set to `undefined` disappear) and
 * checks it with the source's own guard, so tests need no type assertions.
 */
export function asEventOf<E>(source: EventSource<E, unknown>, value: unknown): E {
  const event: unknown = JSON.parse(JSON.stringify(value));
  if (!source.matches(event)) throw new Error(`built event is not a ${source.name} event`);
  return event;
}

/** The body fields a service would send for `spec`: bytes base64-encoded, text as is. */
export function bodyFieldsOf(spec: RequestSpec): {
  body: string | undefined;
  isBase64Encoded: boolean;
} {
  if (spec.body instanceof Uint8Array) {
    return { body: Buffer.from(spec.body).toString('base64'), isBase64Encoded: true };
  }
  return { body: spec.body, isBase64Encoded: false };
}

/**
 * Writes a map the way the spec asks: as is when it has entries, otherwise as `{}`, `null` or
 * absent (`undefined`, which JSON drops).
 */
export function emptyAs<T extends object>(spec: RequestSpec, map: T): T | null | undefined {
  if (Object.keys(map).length > 0 || spec.emptyMaps === undefined) return map;
  return spec.emptyMaps === 'null' ? null : undefined;
}

/** A logger that keeps what it is given. */
export function recordingLogger(): Logger & { readonly warnings: LogRecord[] } {
  const warnings: LogRecord[] = [];
  return {
    info: () => undefined,
    warn: (record) => warnings.push(record),
    error: () => undefined,
    warnings,
  };
}

/** The fields of a response a source test cares about; the body as the source will send it. */
export interface ResponseFields {
  readonly status?: number;
  readonly headers?: Readonly<Record<string, readonly string[]>>;
  readonly cookies?: readonly string[];
  /** Text, or base64 when `isBase64Encoded`; `''` or absent for no body. */
  readonly body?: string;
  readonly isBase64Encoded?: boolean;
}

/** A response built the way the framework builds every response, from `HttpResponse`. */
export function outgoing(fields: ResponseFields = {}): OutgoingResponse {
  const { body, isBase64Encoded, ...init } = fields;
  const payload =
    body === undefined || body === ''
      ? undefined
      : isBase64Encoded === true
        ? Buffer.from(body, 'base64')
        : body;
  return toOutgoingResponse(new HttpResponse({ ...init, body: payload }), 'GET');
}

/** Reads any source's result into one shape; headers and cookies from every map it uses. */
export function viewResult(result: unknown): ResultView {
  const headers: Record<string, string[]> = {};
  const add = (name: string, value: unknown): void => {
    headers[name.toLowerCase()] = [...(headers[name.toLowerCase()] ?? []), String(value)];
  };
  for (const [name, value] of Object.entries(mapOf(own(result, 'headers')))) add(name, value);
  for (const [name, values] of Object.entries(mapOf(own(result, 'multiValueHeaders')))) {
    for (const value of Array.isArray(values) ? values : []) add(name, value);
  }
  const v2Cookies = own(result, 'cookies');
  const cookies = [
    ...(Array.isArray(v2Cookies) ? v2Cookies.map(String) : []),
    ...(headers['set-cookie'] ?? []),
  ];
  delete headers['set-cookie'];
  return {
    statusCode: own(result, 'statusCode'),
    headers,
    cookies,
    body: own(result, 'body'),
    isBase64Encoded: own(result, 'isBase64Encoded'),
  };
}

function mapOf(value: unknown): Readonly<Record<string, unknown>> {
  return isRecord(value) ? value : {};
}

function decodedSegments(path: string): string[] {
  return path.split('/').map(tryDecode);
}

/**
 * The conformance suite every event source runs: the same client requests and framework responses,
 * checked through each source's own event and result format.
 */
export function runEventSourceSuite<E, R>(options: EventSourceSuiteOptions<E, R>): void {
  const { source, makeEvent } = options;
  const supports = (name: SuiteCase): boolean => options.unsupported?.[name] === undefined;
  const toRequest = (spec: Partial<RequestSpec>): LambdaHttpRequest =>
    source.toRequest(makeEvent({ ...baseSpec, ...spec }), testContext, {});
  const toView = (response: ResponseFields): ResultView =>
    viewResult(source.toResult(outgoing(response), makeEvent(baseSpec), recordingLogger()));

  describe(`${options.label ?? source.name} conformance`, () => {
    it('C1–C4: detects the events its service sends as this source', () => {
      // Prepare
      const event = makeEvent(baseSpec);
      // Act
      const detected = detectEventSource(event);
      // Assess
      expect(source.matches(event)).toBe(true);
      expect(detected).toBe(source);
    });

    it.each(['null', 'absent'] as const)('C6: reads %s optional maps as empty', (emptyMaps) => {
      // Act
      const request = toRequest({ headers: [], query: '', body: undefined, emptyMaps });
      // Assess
      expect({ ...request.query }).toEqual({});
      expect({ ...request.cookies }).toEqual({});
      expect(request.body).toBeUndefined();
    });

    it.each([
      ['get', 'GET'],
      ['Patch', 'PATCH'],
      ['propfind', 'PROPFIND'],
    ])('C7: upper-cases the method %s', (method, expected) => {
      expect(toRequest({ method }).method).toBe(expected);
    });

    it('C9: keeps the path percent-encoded so that each segment decodes to what the client sent', () => {
      // Act
      const request = toRequest({ path: '/files/caf%C3%A9%20x/100%25' });
      // Assess
      expect(request.path.startsWith('/')).toBe(true);
      expect(decodedSegments(request.path)).toEqual(['', 'files', 'café x', '100%']);
    });

    if (supports('repeated-query')) {
      it('C13/C25/C31: keeps repeated query keys as an array in order', () => {
        // Act
        const request = toRequest({ query: 'a=1&a=2&b=x%2Cy' });
        // Assess
        expect({ ...request.query }).toEqual({ a: ['1', '2'], b: 'x,y' });
      });
    }

    it('C14: decodes + as a space and %2B as a plus', () => {
      expect({ ...toRequest({ query: 'q=a+b&r=a%2Bb' }).query }).toEqual({ q: 'a b', r: 'a+b' });
    });

    it('C15/C25/C31: reads flags as empty strings and keeps a malformed escape as sent', () => {
      // Act
      const request = toRequest({ query: 'flag&empty=&bad=%E0%A4%A&pct=100%25&k%5B0%5D=a%20b' });
      // Assess
      expect({ ...request.query }).toEqual({
        flag: '',
        empty: '',
        bad: '%E0%A4%A',
        pct: '100%',
        'k[0]': 'a b',
      });
    });

    it('C16/C27: parses the cookies of one Cookie header and exposes the header', () => {
      // Act
      const request = toRequest({ headers: [['Cookie', 'a=1; b=2']] });
      // Assess
      expect({ ...request.cookies }).toEqual({ a: '1', b: '2' });
      expect(request.headers['cookie']).toBe('a=1; b=2');
    });

    if (supports('split-cookie-headers')) {
      it('C16/C27: merges several Cookie headers with "; "', () => {
        // Act
        const request = toRequest({
          headers: [
            ['Cookie', 'a=1'],
            ['cookie', 'b=2'],
          ],
        });
        // Assess
        expect({ ...request.cookies }).toEqual({ a: '1', b: '2' });
        expect(request.headers['cookie']).toBe('a=1; b=2');
      });
    }

    it('C17/C26/C33: exposes lower-case header names and never splits authorization', () => {
      // Act
      const request = toRequest({
        headers: [
          ['Content-Type', 'application/json'],
          ['X-Custom', 'one'],
          ['Authorization', 'Basic a,b'],
        ],
      });
      // Assess
      expect(request.headers['content-type']).toBe('application/json');
      expect(request.headers['x-custom']).toBe('one');
      expect(request.headers['authorization']).toBe('Basic a,b');
      expect(Object.keys(request.headers).every((name) => name === name.toLowerCase())).toBe(true);
    });

    it('C18/C28: gives a base64 body back byte for byte', () => {
      // Act
      const request = toRequest({ method: 'POST', body: Uint8Array.of(0x1f, 0x8b, 0xff, 0x00) });
      // Assess
      expect(request.body).toEqual(Buffer.from([0x1f, 0x8b, 0xff, 0x00]));
    });

    it('C19: recomputes a content-length that disagrees with the body', () => {
      // Act
      const request = toRequest({
        method: 'POST',
        headers: [['Content-Length', '999']],
        body: 'hello',
      });
      // Assess
      expect(request.headers['content-length']).toBe('5');
      expect(request.body?.toString('utf8')).toBe('hello');
    });

    it('C20/C29/C38: reports the address the service saw, not a spoofed X-Forwarded-For', () => {
      // Act
      const request = toRequest({ headers: [['X-Forwarded-For', '6.6.6.6']] });
      // Assess
      expect(request.sourceIp).toBe(baseSpec.sourceIp);
    });

    it.each(['GET', 'HEAD'])('C39: gives %s with an empty body no body', (method) => {
      expect(toRequest({ method, body: '' }).body).toBeUndefined();
    });

    it.each(['PATCH', 'DELETE'])('C39: keeps the body of %s', (method) => {
      expect(toRequest({ method, body: '{"a":1}' }).body?.toString('utf8')).toBe('{"a":1}');
    });

    it('C21/C72: passes the event and context untouched and names the service request id', () => {
      // Prepare
      const event = makeEvent(baseSpec);
      // Act
      const request = source.toRequest(event, testContext, {});
      // Assess
      expect(request.event).toBe(event);
      expect(request.context).toBe(testContext);
      expect(request.sourceRequestId).toBe(baseSpec.requestId);
    });

    it('C43/C44/C45/C46: sends every Set-Cookie whole, never as a plain header', () => {
      // Prepare
      const cookies = ['a=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT', 'b=2', 'c=3; HttpOnly'];
      // Act
      const view = toView({ cookies });
      // Assess
      if (supports('all-set-cookies')) expect(view.cookies).toEqual(cookies);
      else expect(view.cookies).toEqual([cookies[0]]);
    });

    it('C17/C37: sends every value of a repeated header, whatever their order', () => {
      // Act
      const view = toView({ headers: { vary: ['origin', 'accept'] } });
      // Assess
      const values = (view.headers['vary'] ?? []).flatMap((value) => value.split(', '));
      expect(values.sort()).toEqual(['accept', 'origin']);
    });

    it('C47: passes a base64 body with isBase64Encoded true, and text with false', () => {
      expect(toView({ body: 'H4v/AA==', isBase64Encoded: true })).toMatchObject({
        body: 'H4v/AA==',
        isBase64Encoded: true,
      });
      expect(toView({ body: '{"a":1}' })).toMatchObject({
        body: '{"a":1}',
        isBase64Encoded: false,
      });
    });

    it.each([204, 304])('C48: sends no body with status %i', (status) => {
      expect(toView({ status, body: 'ignored', isBase64Encoded: true })).toMatchObject({
        body: '',
        isBase64Encoded: false,
      });
    });

    it('C49/C50: always sends an integer statusCode and a string body', () => {
      expect(toView({ status: 201 })).toMatchObject({ statusCode: 201, body: '' });
      expect(toView({ status: 200.5 }).statusCode).toBe(500);
    });

    it('C51/C53: passes non-ASCII header values and the content type as they are', () => {
      // Act
      const view = toView({
        headers: { 'content-type': ['application/json'], 'x-name': ['café ☕'] },
      });
      // Assess
      expect(view.headers['content-type']).toEqual(['application/json']);
      expect(view.headers['x-name']).toEqual(['café ☕']);
    });

    it('writes a header named __proto__ as an entry of a plain header map', () => {
      // Act
      const result = source.toResult(
        outgoing({ headers: JSON.parse('{"__proto__":["p"],"x-a":["1","2"]}') }),
        makeEvent(baseSpec),
        recordingLogger(),
      );
      // Assess
      const maps = [own(result, 'headers'), own(result, 'multiValueHeaders')].filter(isRecord);
      expect(maps.some((map) => Object.hasOwn(map, '__proto__'))).toBe(true);
      for (const map of maps) expect(Object.getPrototypeOf(map)).toBe(Object.prototype);
      expect(JSON.stringify(result)).toContain('"__proto__":');
    });
  });
}
