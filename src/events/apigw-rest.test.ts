import { tryDecode, tryDecodeFormComponent } from '../http/encoding';
import {
  asEventOf,
  bodyFieldsOf,
  emptyAs,
  loadEventFixture,
  outgoing,
  type RequestSpec,
  recordingLogger,
  runEventSourceSuite,
  testContext,
} from '../test/event-source.case';
import { apigwRestSource } from './apigw-rest';

const restSample = loadEventFixture(apigwRestSource, 'aws-sample');
const httpApiSample = loadEventFixture(apigwRestSource, 'http-api-v1');

/**
 * The payload 1.0 fields API Gateway derives from `spec`: header names in client case, the last
 * value of each in `headers` and all of them in `multiValueHeaders`, query maps already decoded,
 * the caller's address appended to X-Forwarded-For.
 */
function payloadV1Fields(spec: RequestSpec) {
  const lines: Array<readonly [string, string]> = [...spec.headers];
  const forwarded = spec.headers.find(([name]) => name.toLowerCase() === 'x-forwarded-for');
  if (forwarded === undefined) lines.push(['X-Forwarded-For', spec.sourceIp]);
  else lines.push(['X-Forwarded-For', `${forwarded[1]}, ${spec.sourceIp}`]);
  const headers: Record<string, string> = {};
  const multiValueHeaders: Record<string, string[]> = {};
  for (const [name, value] of spec.headers.length === 0 ? [] : lines) {
    headers[name] = value;
    multiValueHeaders[name] = [...(multiValueHeaders[name] ?? []), value];
  }
  const single: Record<string, string> = {};
  const multi: Record<string, string[]> = {};
  for (const pair of spec.query.split('&').filter(Boolean)) {
    const [key = '', value = ''] = pair.split('=').map(tryDecodeFormComponent);
    single[key] = value;
    multi[key] = [...(multi[key] ?? []), value];
  }
  return {
    httpMethod: spec.method,
    headers: emptyAs(spec, headers),
    multiValueHeaders: emptyAs(spec, multiValueHeaders),
    queryStringParameters: emptyAs(spec, single),
    multiValueQueryStringParameters: emptyAs(spec, multi),
    ...bodyFieldsOf(spec),
  };
}

/** A REST API event: `path` as the client encoded it, no stage, a `{proxy+}` resource. */
function makeRestEvent(spec: RequestSpec) {
  return asEventOf(apigwRestSource, {
    ...restSample,
    ...payloadV1Fields(spec),
    path: spec.path,
    pathParameters: { proxy: tryDecode(spec.path.slice(1)) },
    requestContext: {
      ...restSample.requestContext,
      requestId: spec.requestId,
      identity: { ...restSample.requestContext.identity, sourceIp: spec.sourceIp },
    },
  });
}

/** An HTTP API payload 1.0 event: `version: "1.0"` and a path the HTTP API has decoded. */
function makeHttpApiEvent(spec: RequestSpec) {
  return asEventOf(apigwRestSource, {
    ...httpApiSample,
    ...payloadV1Fields(spec),
    resource: '$default',
    path: tryDecode(spec.path),
    requestContext: {
      ...httpApiSample.requestContext,
      requestId: spec.requestId,
      identity: { ...httpApiSample.requestContext.identity, sourceIp: spec.sourceIp },
    },
  });
}

runEventSourceSuite({
  source: apigwRestSource,
  makeEvent: makeRestEvent,
  label: 'apigw-rest (REST API)',
});
runEventSourceSuite({
  source: apigwRestSource,
  makeEvent: makeHttpApiEvent,
  label: 'apigw-rest (HTTP API payload 1.0)',
});

function pathOf(fields: object, options: { basePath?: string } = {}): string {
  const event = asEventOf(apigwRestSource, { ...restSample, ...fields });
  return apigwRestSource.toRequest(event, testContext, options).path;
}

/** The path read from an event sent through a custom domain, where a base path can be mapped. */
function customDomainPathOf(fields: object): string {
  const requestContext = { ...restSample.requestContext, domainName: 'api.example.com' };
  const headers = { ...restSample.headers, Host: 'api.example.com' };
  const multiValueHeaders = { ...restSample.multiValueHeaders, Host: ['api.example.com'] };
  return pathOf({ requestContext, headers, multiValueHeaders, ...fields });
}

describe('apigwRestSource requests', () => {
  it('C2/C22/C29: reads the documented REST sample, whose path has no stage', () => {
    // Act
    const request = apigwRestSource.toRequest(restSample, testContext, {});
    // Assess
    expect(request).toMatchObject({
      method: 'POST',
      path: '/hello/world',
      sourceIp: '192.168.196.186',
    });
    expect(request.sourceRequestId).toBe('deef4878-7910-11e6-8f14-25afc3e9ae33');
    expect({ ...request.query }).toEqual({ name: 'me', multivalueName: ['you', 'me'] });
    expect(request.headers['x-forwarded-for']).toBe('54.240.196.186, 54.182.214.83');
  });

  it('C23: derives a custom domain base path from path and a non-greedy resource', () => {
    // Prepare
    const event = loadEventFixture(apigwRestSource, 'custom-domain-base-path');
    // Act & Assess
    expect(apigwRestSource.toRequest(event, testContext, {}).path).toBe('/payment');
  });

  it.each(['/v1', 'v1/', '/v1/'])('C23: strips the configured base path %s', (basePath) => {
    expect(pathOf({ path: '/v1/payment', resource: '/{proxy+}' }, { basePath })).toBe('/payment');
  });

  it.each([
    ['/v1', '/'],
    ['/v2/payment', '/v2/payment'],
    ['/v10/payment', '/v10/payment'],
  ])('C23: with base path /v1 configured, reads %s as %s', (path, expected) => {
    expect(pathOf({ path, resource: '/{proxy+}' }, { basePath: '/v1' })).toBe(expected);
  });

  it('C23: ignores a configured base path of /', () => {
    expect(pathOf({ path: '/v1/payment', resource: '/payment' }, { basePath: '/' })).toBe(
      '/v1/payment',
    );
  });

  it.each([
    ['/users/{id}', '/v1/users/42', '/users/42'],
    ['/payment', '/v1/payment/', '/payment/'],
    ['/payment', '/v1/other', '/v1/other'],
    ['/users/{id}', '/v1/users%2Fx/42', '/v1/users%2Fx/42'],
    ['/', '/v1', '/'],
    ['$default', '/v1/payment', '/v1/payment'],
    ['/payment', '/payment', '/payment'],
  ])('C23: derives the prefix of resource %s on path %s → %s', (resource, path, expected) => {
    expect(customDomainPathOf({ resource, path, pathParameters: null })).toBe(expected);
  });

  it('C23: derives no prefix on the execute-api host, where no mapping can exist', () => {
    // requestContext.path there is the stage and the path, never a mapping.
    expect(pathOf({ resource: '/users/{id}', path: '/v1/users/42', pathParameters: null })).toBe(
      '/v1/users/42',
    );
  });

  it('C24: routes a nested proxy resource on the whole path, not on the proxy value', () => {
    // Prepare
    const event = loadEventFixture(apigwRestSource, 'nested-proxy');
    // Act & Assess
    expect(apigwRestSource.toRequest(event, testContext, {}).path).toBe('/user/session');
  });

  it.each([
    [{ proxy: 'session' }, '/dev/user/session', '/user/session'],
    [{ proxy: 'a/b' }, '/dev/user/a/b', '/user/a/b'],
    [null, '/dev/user/session', '/dev/user/session'],
    [{ proxy: '' }, '/dev/user/session', '/dev/user/session'],
  ])('C24: with pathParameters %j reads %s as %s', (pathParameters, path, expected) => {
    expect(customDomainPathOf({ resource: '/user/{proxy+}', path, pathParameters })).toBe(expected);
  });

  it('C24: leaves the path alone when a greedy variable is not last', () => {
    expect(
      pathOf({ resource: '/{proxy+}/x', path: '/v1/a/x', pathParameters: { proxy: 'a' } }),
    ).toBe('/v1/a/x');
  });

  it('C25: never decodes the already-decoded multi-value query a second time', () => {
    // Prepare
    const event = asEventOf(apigwRestSource, {
      ...restSample,
      multiValueQueryStringParameters: { t: ['1', '2'], pct: ['100%'], raw: ['a%20b'] },
      queryStringParameters: { t: '2', pct: '100%', raw: 'a%20b', only: 'single' },
    });
    // Act & Assess
    expect({ ...apigwRestSource.toRequest(event, testContext, {}).query }).toEqual({
      t: ['1', '2'],
      pct: '100%',
      raw: 'a%20b',
      only: 'single',
    });
  });

  it('C26: merges two spellings of one header name', () => {
    // Prepare
    const event = asEventOf(apigwRestSource, {
      ...restSample,
      headers: { 'X-Custom': 'b', 'x-custom': 'c' },
      multiValueHeaders: { 'X-Custom': ['a', 'b'], 'x-custom': ['c'] },
    });
    // Act & Assess
    expect(apigwRestSource.toRequest(event, testContext, {}).headers['x-custom']).toBe('a, b, c');
  });

  it('C28: passes a binary upload that API Gateway did not base64-encode as it came', () => {
    // Prepare
    const event = asEventOf(apigwRestSource, {
      ...restSample,
      body: 'PNG\u0000\uFFFD',
      isBase64Encoded: false,
    });
    // Act & Assess
    expect(apigwRestSource.toRequest(event, testContext, {}).body).toEqual(
      Buffer.from('PNG\u0000\uFFFD', 'utf8'),
    );
  });

  it('C30: leaves Cognito authorizer claims reachable on the event', () => {
    // Prepare
    const event = loadEventFixture(apigwRestSource, 'cognito-authorizer');
    // Act & Assess
    expect(apigwRestSource.toRequest(event, testContext, {}).event).toMatchObject({
      requestContext: { authorizer: { claims: { email: 'jane@example.com' } } },
    });
  });

  it('C6: reads the fixture whose maps and body are null', () => {
    // Prepare
    const event = loadEventFixture(apigwRestSource, 'null-maps');
    // Act
    const request = apigwRestSource.toRequest(event, testContext, {});
    // Assess
    expect(request).toMatchObject({ method: 'GET', path: '/hello/world', body: undefined });
    expect({ ...request.headers, ...request.query, ...request.cookies }).toEqual({});
  });

  it('C2: reads the documented HTTP API payload 1.0 sample', () => {
    // Act
    const request = apigwRestSource.toRequest(httpApiSample, testContext, {});
    // Assess
    expect(request).toMatchObject({ method: 'GET', path: '/my/path', sourceIp: '192.0.2.1' });
    expect(request.headers['header2']).toBe('value1, value2');
    expect({ ...request.query }).toEqual({ parameter1: ['value1', 'value2'], parameter2: 'value' });
  });

  it('C10: strips the named stage HTTP APIs keep in a payload 1.0 path', () => {
    // Prepare
    const event = loadEventFixture(apigwRestSource, 'http-api-v1-named-stage');
    // Act & Assess
    expect(apigwRestSource.toRequest(event, testContext, {}).path).toBe('/my/path');
  });

  it('C10: finds the execute-api host in the host header when domainName is missing', () => {
    // Prepare
    const staged = loadEventFixture(apigwRestSource, 'http-api-v1-named-stage');
    const event = asEventOf(apigwRestSource, {
      ...staged,
      resource: '$default',
      headers: { Host: 'id.execute-api.us-east-1.amazonaws.com' },
      requestContext: { ...staged.requestContext, domainName: undefined },
    });
    // Act & Assess
    expect(apigwRestSource.toRequest(event, testContext, {}).path).toBe('/my/path');
  });

  it('C9: re-encodes the decoded HTTP API payload 1.0 path', () => {
    // Prepare
    const event = asEventOf(apigwRestSource, {
      ...httpApiSample,
      resource: '$default',
      path: '/files/%41 b',
    });
    // Act & Assess
    expect(apigwRestSource.toRequest(event, testContext, {}).path).toBe('/files/%2541%20b');
  });

  it.each([
    ['2.0', false],
    ['3', false],
    ['1.0', true],
    [undefined, true],
  ])('C2: with version %s, matches is %s', (version, expected) => {
    expect(apigwRestSource.matches({ ...restSample, version })).toBe(expected);
  });

  it('C3: leaves an event with requestContext.elb to the load balancer', () => {
    expect(apigwRestSource.matches({ ...restSample, requestContext: { elb: {} } })).toBe(false);
  });
});

describe('apigwRestSource results', () => {
  it('C44: sends single values in headers and repeated ones, Set-Cookie included, in multiValueHeaders', () => {
    // Act
    const result = apigwRestSource.toResult(
      outgoing({
        headers: { 'content-type': ['text/plain'], vary: ['origin', 'accept'] },
        cookies: ['a=1', 'b=2'],
      }),
      restSample,
      recordingLogger(),
    );
    // Assess
    expect(result).toEqual({
      statusCode: 200,
      headers: { 'content-type': 'text/plain' },
      multiValueHeaders: { vary: ['origin', 'accept'], 'set-cookie': ['a=1', 'b=2'] },
      body: '',
      isBase64Encoded: false,
    });
  });

  it('C44: sends a single Set-Cookie in headers and leaves multiValueHeaders out', () => {
    // Act
    const result = apigwRestSource.toResult(
      outgoing({ cookies: ['a=1'] }),
      restSample,
      recordingLogger(),
    );
    // Assess
    expect(result).toEqual({
      statusCode: 200,
      headers: { 'set-cookie': 'a=1' },
      body: '',
      isBase64Encoded: false,
    });
  });

  it('C44: never puts one header name in both maps', () => {
    // Act
    const result = apigwRestSource.toResult(
      outgoing({ headers: { Vary: ['origin'], vary: ['accept'], 'x-one': ['1'] } }),
      restSample,
      recordingLogger(),
    );
    // Assess
    const inBoth = Object.keys(result.headers ?? {}).filter((name) =>
      Object.hasOwn(result.multiValueHeaders ?? {}, name),
    );
    expect(inBoth).toEqual([]);
    expect(result.multiValueHeaders).toEqual({ vary: ['origin', 'accept'] });
  });

  it('C52: allows responses up to Lambda 6 MB synchronous payload', () => {
    expect(apigwRestSource.maxResponseBytes).toBe(6_291_456);
  });
});
