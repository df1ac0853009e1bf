import { tryDecode } from '../http/encoding';
import {
  asEventOf,
  bodyFieldsOf,
  emptyAs,
  loadEventFixture,
  outgoing,
  type RequestSpec,
  readFixture,
  recordingLogger,
  runEventSourceSuite,
  testContext,
} from '../test/event-source.case';
import { apigwHttpSource } from './apigw-http';

const sample = loadEventFixture(apigwHttpSource, 'aws-sample');

/**
 * What an HTTP API sends for `spec`: lower-case header names, repeated headers joined with `,`,
 * cookies moved to `cookies`, the path already decoded, the caller's address appended to
 * X-Forwarded-For and reported as `sourceIp`.
 */
function makeEvent(spec: RequestSpec) {
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (const [name, value] of spec.headers) {
    const lower = name.toLowerCase();
    if (lower === 'cookie') cookies.push(...value.split('; '));
    else headers[lower] = headers[lower] === undefined ? value : `${headers[lower]},${value}`;
  }
  const forwarded = headers['x-forwarded-for'];
  headers['x-forwarded-for'] =
    forwarded === undefined ? spec.sourceIp : `${forwarded}, ${spec.sourceIp}`;
  const decodedPath = tryDecode(spec.path);
  return asEventOf(apigwHttpSource, {
    ...sample,
    rawPath: decodedPath,
    rawQueryString: spec.query,
    cookies: emptyAs(spec, cookies),
    headers: spec.headers.length === 0 ? emptyAs(spec, {}) : headers,
    queryStringParameters: emptyAs(spec, {}),
    pathParameters: emptyAs(spec, {}),
    requestContext: {
      ...sample.requestContext,
      requestId: spec.requestId,
      http: {
        ...sample.requestContext.http,
        method: spec.method,
        path: decodedPath,
        sourceIp: spec.sourceIp,
      },
    },
    ...bodyFieldsOf(spec),
  });
}

runEventSourceSuite({ source: apigwHttpSource, makeEvent });

describe('apigwHttpSource', () => {
  it('C13: reads the documented sample query from rawQueryString, repeated key as an array', () => {
    // Act
    const request = apigwHttpSource.toRequest(sample, testContext, {});
    // Assess
    expect({ ...request.query }).toEqual({ parameter1: ['value1', 'value2'], parameter2: 'value' });
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/my/path');
    expect(request.sourceIp).toBe('192.0.2.1');
  });

  it('C16: turns the cookies field into cookies and a cookie header joined with "; "', () => {
    // Act
    const request = apigwHttpSource.toRequest(sample, testContext, {});
    // Assess
    expect(request.headers['cookie']).toBe('cookie1; cookie2');
    expect({ ...request.headers }).toMatchObject({ header1: 'value1', header2: 'value1,value2' });
  });

  it('C10: strips a named stage on the execute-api host', () => {
    // Prepare
    const event = loadEventFixture(apigwHttpSource, 'named-stage');
    // Act
    const request = apigwHttpSource.toRequest(event, testContext, {});
    // Assess
    expect(request.path).toBe('/my/path');
  });

  it('C10: strips a stage that is the whole path', () => {
    // Prepare
    const event = asEventOf(apigwHttpSource, {
      ...loadEventFixture(apigwHttpSource, 'named-stage'),
      rawPath: '/prod',
    });
    // Act & Assess
    expect(apigwHttpSource.toRequest(event, testContext, {}).path).toBe('/');
  });

  it('C10: keeps a path that only starts like the stage name', () => {
    // Prepare
    const event = asEventOf(apigwHttpSource, {
      ...loadEventFixture(apigwHttpSource, 'named-stage'),
      rawPath: '/products/1',
    });
    // Act & Assess
    expect(apigwHttpSource.toRequest(event, testContext, {}).path).toBe('/products/1');
  });

  it('C10: falls back to the host header when domainName is missing', () => {
    // Prepare
    const staged = loadEventFixture(apigwHttpSource, 'named-stage');
    const event = asEventOf(apigwHttpSource, {
      ...staged,
      requestContext: { ...staged.requestContext, domainName: undefined },
      headers: { host: 'id.execute-api.us-east-1.amazonaws.com' },
    });
    // Act & Assess
    expect(apigwHttpSource.toRequest(event, testContext, {}).path).toBe('/my/path');
  });

  it('C11: keeps a /prod prefix on a custom domain, where rawPath omits the API mapping', () => {
    // Prepare
    const event = loadEventFixture(apigwHttpSource, 'custom-domain');
    // Act & Assess
    expect(apigwHttpSource.toRequest(event, testContext, {}).path).toBe('/prod/my/path');
  });

  it('C12: strips nothing on the $default stage', () => {
    // Prepare
    const event = asEventOf(apigwHttpSource, { ...sample, rawPath: '/$default/my/path' });
    // Act & Assess
    expect(apigwHttpSource.toRequest(event, testContext, {}).path).toBe('/$default/my/path');
  });

  it('C9: re-encodes the decoded rawPath so that a literal % is not decoded twice', () => {
    // Prepare: the client sent /files/%2541 b, the HTTP API decoded it to /files/%41 b
    const event = asEventOf(apigwHttpSource, { ...sample, rawPath: '/files/%41 b' });
    // Act
    const request = apigwHttpSource.toRequest(event, testContext, {});
    // Assess
    expect(request.path).toBe('/files/%2541%20b');
    expect(request.path.split('/').map(tryDecode)).toEqual(['', 'files', '%41 b']);
  });

  it('C9: cannot tell an encoded slash apart once the HTTP API has decoded it', () => {
    // Prepare: the client sent /users/a%2Fb; HTTP APIs deliver rawPath /users/a/b
    const event = asEventOf(apigwHttpSource, { ...sample, rawPath: '/users/a/b' });
    // Act & Assess
    expect(apigwHttpSource.toRequest(event, testContext, {}).path).toBe('/users/a/b');
  });

  it('C18/C19: decodes the base64 fixture and replaces its stale content-length', () => {
    // Prepare
    const event = loadEventFixture(apigwHttpSource, 'base64-body');
    // Act
    const request = apigwHttpSource.toRequest(event, testContext, {});
    // Assess
    expect(request.body).toEqual(Buffer.from([0x1f, 0x8b, 0xff, 0x00]));
    expect(request.headers['content-length']).toBe('4');
  });

  it('C6: reads the fixture without headers, cookies, query or body', () => {
    // Prepare
    const event = loadEventFixture(apigwHttpSource, 'absent-maps');
    // Act
    const request = apigwHttpSource.toRequest(event, testContext, {});
    // Assess
    expect(request).toMatchObject({ method: 'GET', path: '/my/path', body: undefined });
    expect({ ...request.headers, ...request.query, ...request.cookies }).toEqual({});
  });

  it('C21: leaves the JWT and Lambda authorizer contexts reachable on the event', () => {
    // Act
    const request = apigwHttpSource.toRequest(sample, testContext, {});
    // Assess
    expect(request.event).toMatchObject({
      requestContext: {
        authorizer: {
          jwt: { claims: { claim1: 'value1' }, scopes: ['scope1', 'scope2'] },
          lambda: { exampleKey1: 'exampleValue1' },
        },
      },
    });
  });

  it('reads requestContext.http.path and queryStringParameters when the raw fields are missing', () => {
    // Prepare
    const event = asEventOf(apigwHttpSource, {
      ...sample,
      rawPath: undefined,
      rawQueryString: undefined,
    });
    // Act
    const request = apigwHttpSource.toRequest(event, testContext, {});
    // Assess
    expect(request.path).toBe('/my/path');
    expect({ ...request.query }).toEqual({ parameter1: 'value1,value2', parameter2: 'value' });
  });

  it('reads an event without any path as /', () => {
    // Prepare
    const event = asEventOf(apigwHttpSource, {
      ...sample,
      rawPath: undefined,
      requestContext: { ...sample.requestContext, http: {} },
    });
    // Act
    const request = apigwHttpSource.toRequest(event, testContext, {});
    // Assess
    expect(request).toMatchObject({ path: '/', method: '', sourceIp: undefined });
  });

  it('C43/C50: writes cookies only in cookies and always the full envelope', () => {
    // Act
    const result = apigwHttpSource.toResult(
      outgoing({
        status: 201,
        headers: { 'Set-Cookie': ['x=1'], 'content-type': ['text/plain'] },
        cookies: ['a=1'],
        body: 'ok',
      }),
      sample,
      recordingLogger(),
    );
    // Assess
    expect(result).toEqual({
      statusCode: 201,
      headers: { 'content-type': 'text/plain' },
      cookies: ['a=1', 'x=1'],
      body: 'ok',
      isBase64Encoded: false,
    });
  });

  it('C41/C50: leaves cookies out when there are none and never writes multiValueHeaders', () => {
    // Act
    const result = apigwHttpSource.toResult(outgoing(), sample, recordingLogger());
    // Assess
    expect(Object.keys(result).sort()).toEqual([
      'body',
      'headers',
      'isBase64Encoded',
      'statusCode',
    ]);
  });

  it('C52: allows responses up to Lambda 6 MB synchronous payload', () => {
    expect(apigwHttpSource.maxResponseBytes).toBe(6_291_456);
  });

  it('C2: does not take a payload 1.0 event that has a rawPath', () => {
    expect(
      apigwHttpSource.matches(
        Object.assign({ rawPath: '/' }, readFixture('apigw-rest', 'http-api-v1')),
      ),
    ).toBe(false);
  });
});
