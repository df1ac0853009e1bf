import { apigwHttpSource } from '../events/apigw-http';
import { detectEventSource } from '../events/detect';
import {
  asEventOf,
  type RequestSpec,
  runEventSourceSuite,
  testContext,
} from '../test/event-source.case';
import {
  type EventExtras,
  formatRequestTime,
  type HttpRequestParts,
  isTextBody,
  type LocalApi,
  pathWithoutStage,
  splitTarget,
  toHttpApiEvent,
  toQueryStringParameters,
} from './http-to-event';

const API: LocalApi = { stage: '$default', apiId: 'local', region: 'us-east-1', port: 3000 };
const TIME = new Date('2026-11-24T21:45:07.123Z');
const EXTRAS: EventExtras = { requestId: 'BxVt7gYJjoEEMvA=', time: TIME, route: undefined };

function request(overrides: Partial<HttpRequestParts> = {}): HttpRequestParts {
  return {
    method: 'GET',
    target: '/users',
    headers: [['Host', 'localhost:3000']],
    body: Buffer.alloc(0),
    sourceIp: '127.0.0.1',
    protocol: 'HTTP/1.1',
    ...overrides,
  };
}

/**
 * The client request of the shared suite, sent through the local server's translation. The local
 * server, like HTTP APIs, leaves empty maps out, so `emptyMaps` needs no handling here.
 */
function makeEvent(spec: RequestSpec) {
  const body =
    spec.body === undefined
      ? Buffer.alloc(0)
      : typeof spec.body === 'string'
        ? Buffer.from(spec.body, 'utf8')
        : Buffer.from(spec.body);
  const event = toHttpApiEvent(
    {
      method: spec.method,
      target: spec.query === '' ? spec.path : `${spec.path}?${spec.query}`,
      headers: spec.headers,
      body,
      sourceIp: spec.sourceIp,
      protocol: 'HTTP/1.1',
    },
    API,
    { ...EXTRAS, requestId: spec.requestId },
  );
  return asEventOf(apigwHttpSource, event);
}

runEventSourceSuite({ source: apigwHttpSource, makeEvent, label: 'local server (http-to-event)' });

describe('toHttpApiEvent', () => {
  it('builds every payload 2.0 field an HTTP API sends', () => {
    // Act
    const event = toHttpApiEvent(
      request({
        method: 'POST',
        target: '/users/42?limit=5&tag=a&tag=b',
        headers: [
          ['Host', 'localhost:3000'],
          ['User-Agent', 'curl/8.5.0'],
          ['Content-Type', 'application/json'],
          ['Cookie', 'session=abc; theme=dark'],
        ],
        body: Buffer.from('{"name":"Ada"}'),
      }),
      API,
      { ...EXTRAS, route: { routeKey: 'POST /users/{id}', pathParameters: { id: '42' } } },
    );
    // Assess
    expect(event).toEqual({
      version: '2.0',
      routeKey: 'POST /users/{id}',
      rawPath: '/users/42',
      rawQueryString: 'limit=5&tag=a&tag=b',
      cookies: ['session=abc', 'theme=dark'],
      headers: {
        host: 'localhost:3000',
        'user-agent': 'curl/8.5.0',
        'content-type': 'application/json',
        'content-length': '14',
        'x-forwarded-for': '127.0.0.1',
        'x-forwarded-proto': 'http',
        'x-forwarded-port': '3000',
        'x-amzn-trace-id': expect.stringMatching(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/),
      },
      queryStringParameters: { limit: '5', tag: 'a,b' },
      requestContext: {
        accountId: '000000000000',
        apiId: 'local',
        domainName: 'local.execute-api.us-east-1.amazonaws.com',
        domainPrefix: 'local',
        http: {
          method: 'POST',
          path: '/users/42',
          protocol: 'HTTP/1.1',
          sourceIp: '127.0.0.1',
          userAgent: 'curl/8.5.0',
        },
        requestId: 'BxVt7gYJjoEEMvA=',
        routeKey: 'POST /users/{id}',
        stage: '$default',
        time: '24/Nov/2026:21:45:07 +0000',
        timeEpoch: TIME.getTime(),
      },
      body: '{"name":"Ada"}',
      pathParameters: { id: '42' },
      isBase64Encoded: false,
    });
  });

  it('sends a request no declared route takes to $default, without pathParameters', () => {
    // Act
    const event = toHttpApiEvent(request(), API, EXTRAS);
    // Assess
    expect(event.routeKey).toBe('$default');
    expect(event.requestContext.routeKey).toBe('$default');
    expect(event).not.toHaveProperty('pathParameters');
  });

  it('passes what the JWT authorizer found as requestContext.authorizer.jwt, and nothing without', () => {
    // Prepare
    const jwt = { claims: { sub: 'u-1', exp: '1767225600' }, scopes: ['users/write'] };
    // Act
    const authorized = toHttpApiEvent(request(), API, { ...EXTRAS, authorizer: { jwt } });
    const open = toHttpApiEvent(request(), API, EXTRAS);
    // Assess
    expect(Reflect.get(authorized.requestContext, 'authorizer')).toEqual({ jwt });
    expect(open.requestContext).not.toHaveProperty('authorizer');
  });

  it('leaves out cookies, query parameters and body when the request has none', () => {
    // Act
    const event = toHttpApiEvent(request(), API, EXTRAS);
    // Assess
    expect(Object.keys(event)).not.toEqual(
      expect.arrayContaining(['cookies', 'queryStringParameters', 'body']),
    );
    expect(event.isBase64Encoded).toBe(false);
    expect(event.headers).not.toHaveProperty('content-length');
  });

  it('delivers the path percent-decoded and the query string as sent', () => {
    // Act
    const event = toHttpApiEvent(request({ target: '/files/a%2Fb%20c?q=a%2Bb+c' }), API, EXTRAS);
    // Assess
    expect(event.rawPath).toBe('/files/a/b c');
    expect(event.requestContext.http.path).toBe('/files/a/b c');
    expect(event.rawQueryString).toBe('q=a%2Bb+c');
    expect(event.queryStringParameters).toEqual({ q: 'a+b c' });
  });

  it('joins repeated headers with commas and drops hop-by-hop headers', () => {
    // Act
    const event = toHttpApiEvent(
      request({
        headers: [
          ['Accept', 'text/html'],
          ['accept', 'application/json'],
          ['Connection', 'keep-alive'],
          ['Transfer-Encoding', 'chunked'],
          ['Content-Length', '999'],
        ],
        body: Buffer.from('hello'),
      }),
      API,
      EXTRAS,
    );
    // Assess
    expect(event.headers['accept']).toBe('text/html,application/json');
    expect(event.headers).not.toHaveProperty('connection');
    expect(event.headers).not.toHaveProperty('transfer-encoding');
    expect(event.headers['content-length']).toBe('5');
  });

  it('appends the client address to X-Forwarded-For and keeps a client trace id', () => {
    // Act
    const event = toHttpApiEvent(
      request({
        headers: [
          ['X-Forwarded-For', '203.0.113.9'],
          ['X-Amzn-Trace-Id', 'Root=1-00000000-000000000000000000000000'],
        ],
      }),
      API,
      EXTRAS,
    );
    // Assess
    expect(event.headers['x-forwarded-for']).toBe('203.0.113.9, 127.0.0.1');
    expect(event.headers['x-amzn-trace-id']).toBe('Root=1-00000000-000000000000000000000000');
  });

  it.each([
    [
      'a PNG body base64-encoded',
      'image/png',
      Buffer.from([0x89, 0x50, 0x4e, 0x47]),
      'iVBORw==',
      true,
    ],
    ['a JSON body as text', 'application/json', Buffer.from('{"a":"é"}'), '{"a":"é"}', false],
    [
      'invalid UTF-8 base64-encoded',
      'text/plain; charset=utf-8',
      Buffer.from([0xff, 0xfe]),
      '//4=',
      true,
    ],
    ['a body without content type base64-encoded', undefined, Buffer.from('raw'), 'cmF3', true],
  ])('sends %s', (_case, contentType, body, sent, base64) => {
    // Prepare
    const headers: Array<[string, string]> =
      contentType === undefined ? [] : [['Content-Type', contentType]];
    // Act
    const event = toHttpApiEvent(request({ method: 'POST', headers, body }), API, EXTRAS);
    // Assess
    expect(event).toMatchObject({ body: sent, isBase64Encoded: base64 });
  });

  it('keeps a header or query key named __proto__ as an ordinary entry', () => {
    // Act
    const event = toHttpApiEvent(
      request({ target: '/?__proto__=x', headers: [['__proto__', 'y']] }),
      API,
      EXTRAS,
    );
    // Assess
    expect(Object.hasOwn(event.headers, '__proto__')).toBe(true);
    expect(Object.hasOwn(event.queryStringParameters ?? {}, '__proto__')).toBe(true);
  });

  it('gives a named stage its prefix in rawPath, which apigw-http strips again', () => {
    // Prepare
    const staged: LocalApi = { ...API, stage: 'dev' };
    // Act
    const event = asEventOf(
      apigwHttpSource,
      toHttpApiEvent(request({ target: '/dev/users/7' }), staged, EXTRAS),
    );
    const source = detectEventSource(event);
    // Assess
    expect(event.rawPath).toBe('/dev/users/7');
    expect(event.requestContext.stage).toBe('dev');
    expect(source).toBe(apigwHttpSource);
    expect(apigwHttpSource.toRequest(event, testContext, {}).path).toBe('/users/7');
  });
});

describe('pathWithoutStage', () => {
  it.each([
    ['/users', '$default', '/users'],
    ['/dev/users', 'dev', '/users'],
    ['/dev', 'dev', '/'],
    ['/development/users', 'dev', undefined],
    ['/users', 'dev', undefined],
  ])('reads %s on stage %s as %s', (path, stage, expected) => {
    expect(pathWithoutStage(path, stage)).toBe(expected);
  });
});

describe('splitTarget', () => {
  it.each([
    ['/a?b=1', '/a', 'b=1'],
    ['/a?', '/a', ''],
    ['/a?x?y', '/a', 'x?y'],
    ['?q', '/', 'q'],
    ['/bad%E0%A4%A', '/bad%E0%A4%A', ''],
  ])('splits %s into path %s and query %s', (target, rawPath, rawQueryString) => {
    expect(splitTarget(target)).toEqual({ rawPath, rawQueryString });
  });
});

describe('toQueryStringParameters', () => {
  it('decodes keys and values, joins repeated keys and reads a bare key as empty', () => {
    expect({ ...toQueryStringParameters('a=1&a=2&flag&k%5B0%5D=x+y&&') }).toEqual({
      a: '1,2',
      flag: '',
      'k[0]': 'x y',
    });
  });
});

describe('isTextBody', () => {
  it.each([
    ['text/html', true],
    ['application/json; charset=utf-8', true],
    ['application/problem+json', true],
    ['application/x-www-form-urlencoded', true],
    ['application/octet-stream', false],
    ['multipart/form-data; boundary=x', false],
  ])('treats %s as text: %s', (contentType, expected) => {
    expect(isTextBody(contentType, Buffer.from('plain'))).toBe(expected);
  });
});

describe('formatRequestTime', () => {
  it('writes the time in UTC with English month names, like requestContext.time', () => {
    expect(formatRequestTime(new Date('2026-03-05T04:03:02.999Z'))).toBe(
      '05/Mar/2026:04:03:02 +0000',
    );
  });
});
