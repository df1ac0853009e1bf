import fc from 'fast-check';
import { headerOf } from '../http/request';
import { testContext } from '../test/event-source.case';
import { albSource } from './alb';
import { apigwHttpSource } from './apigw-http';
import { apigwRestSource } from './apigw-rest';

/** Header names that collide but for case, and values of any kind an event may hold. */
const headerName = fc.constantFrom(
  'content-type',
  'Content-Type',
  'CONTENT-TYPE',
  'content-length',
  'cookie',
  'origin',
  'x-a',
  'X-A',
  'accept',
);
const headerValue = fc.oneof(fc.string({ maxLength: 12 }), fc.constant(null), fc.integer());
const headers = fc.dictionary(headerName, headerValue, { maxKeys: 8 });
const asked = fc.constantFrom('content-type', 'content-length', 'cookie', 'origin', 'x-a', 'y');

const v2Event = (raw: Record<string, unknown>, body: string | undefined) => ({
  version: '2.0',
  rawPath: '/items',
  rawQueryString: '',
  headers: raw,
  cookies: ['a=1'],
  requestContext: { http: { method: 'POST', path: '/items' }, domainName: 'example.com' },
  ...(body === undefined ? {} : { body }),
});

const v1Event = (raw: Record<string, unknown>, body: string | undefined) => ({
  resource: '/items',
  path: '/items',
  httpMethod: 'POST',
  headers: raw,
  multiValueHeaders: null,
  requestContext: { domainName: 'example.com' },
  ...(body === undefined ? {} : { body }),
});

describe('one header read alone', () => {
  it.each([
    ['HTTP API 2.0', apigwHttpSource, v2Event],
    ['REST API', apigwRestSource, v1Event],
    [
      'ALB',
      albSource,
      (raw: Record<string, unknown>, body: string | undefined) => ({
        ...v1Event(raw, body),
        requestContext: { elb: { targetGroupArn: 'arn' } },
      }),
    ],
  ] as const)('gives what the parsed headers give (%s)', (_label, source, eventOf) => {
    fc.assert(
      fc.property(
        headers,
        fc.option(fc.string({ maxLength: 8 }), { nil: undefined }),
        asked,
        (raw, body, name) => {
          // Two requests from one event: one reads the header alone, the other parses them all.
          const alone = source.toRequest(eventOf(raw, body) as never, testContext, {});
          const parsed = source.toRequest(eventOf(raw, body) as never, testContext, {});
          expect(headerOf(alone, name)).toBe(parsed.headers[name]);
          // Reading one header leaves the others as they would have been.
          expect({ ...alone.headers }).toEqual({ ...parsed.headers });
        },
      ),
      { numRuns: 300 },
    );
  });
});
