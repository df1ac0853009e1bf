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
import { functionUrlSource, isFunctionUrlDomain } from './function-url';

const sample = loadEventFixture(functionUrlSource, 'aws-sample');

/**
 * What a function URL sends for `spec`: payload 2.0 like an HTTP API, but `rawPath` keeps the
 * client's percent-encoding and `stage` is always the `$default` placeholder.
 */
function makeEvent(spec: RequestSpec) {
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (const [name, value] of spec.headers) {
    const lower = name.toLowerCase();
    if (lower === 'cookie') cookies.push(...value.split('; '));
    else headers[lower] = headers[lower] === undefined ? value : `${headers[lower]},${value}`;
  }
  return asEventOf(functionUrlSource, {
    ...sample,
    rawPath: spec.path,
    rawQueryString: spec.query,
    cookies: emptyAs(spec, cookies),
    headers: spec.headers.length === 0 ? emptyAs(spec, {}) : headers,
    queryStringParameters: emptyAs(spec, {}),
    requestContext: {
      ...sample.requestContext,
      requestId: spec.requestId,
      http: {
        ...sample.requestContext.http,
        method: spec.method,
        path: spec.path,
        sourceIp: spec.sourceIp,
      },
    },
    ...bodyFieldsOf(spec),
  });
}

runEventSourceSuite({ source: functionUrlSource, makeEvent });

describe('functionUrlSource', () => {
  it('C4: reads the documented sample with its IAM authorizer reachable on the event', () => {
    // Act
    const request = functionUrlSource.toRequest(sample, testContext, {});
    // Assess
    expect(request).toMatchObject({
      method: 'POST',
      path: '/my/path',
      sourceIp: '123.123.123.123',
    });
    expect(request.event).toMatchObject({
      requestContext: { authorizer: { iam: { accountId: '111122223333' } } },
    });
  });

  it('C9: keeps an encoded slash inside one segment', () => {
    // Prepare
    const event = loadEventFixture(functionUrlSource, 'encoded-slash');
    // Act & Assess
    expect(functionUrlSource.toRequest(event, testContext, {}).path).toBe('/users/a%2Fb');
  });

  it('C4: applies no stage logic, even to a path that starts with the stage placeholder', () => {
    // Prepare
    const event = asEventOf(functionUrlSource, { ...sample, rawPath: '/$default/x' });
    // Act & Assess
    expect(functionUrlSource.toRequest(event, testContext, {}).path).toBe('/$default/x');
  });

  it('C15: ignores the leading ? that the documentation shows in rawQueryString', () => {
    // Prepare
    const event = asEventOf(functionUrlSource, {
      ...sample,
      rawQueryString: '?parameter1=value1&parameter2=value2',
    });
    // Act & Assess
    expect({ ...functionUrlSource.toRequest(event, testContext, {}).query }).toEqual({
      parameter1: 'value1',
      parameter2: 'value2',
    });
  });

  it('C41: answers with headers and cookies, never multiValueHeaders', () => {
    // Act
    const result = functionUrlSource.toResult(
      outgoing({ headers: { vary: ['origin', 'accept'] }, cookies: ['a=1', 'b=2'] }),
      sample,
      recordingLogger(),
    );
    // Assess
    expect(result).toEqual({
      statusCode: 200,
      headers: { vary: 'origin, accept' },
      cookies: ['a=1', 'b=2'],
      body: '',
      isBase64Encoded: false,
    });
  });

  it('C52: allows responses up to Lambda 6 MB synchronous payload', () => {
    expect(functionUrlSource.maxResponseBytes).toBe(6_291_456);
  });

  it.each([
    ['abcdefg.lambda-url.us-east-1.on.aws', true],
    ['ABCDEFG.LAMBDA-URL.US-EAST-1.ON.AWS', true],
    ['id.execute-api.us-east-1.amazonaws.com', false],
    ['api.example.com', false],
    ['lambda-url.us-east-1.on.aws', false],
    ['.lambda-url.us-east-1.on.aws', false],
    ['abc.lambda-url..on.aws', false],
    ['abc.lambda-url.us-east-1.on.aws.example.com', false],
    ['abc.lambda-url.us-east-1.in.aws', false],
    ['abc.lambda-url.us-east-1.on.amazon', false],
    [undefined, false],
  ])('C4: reads %s as a function URL host: %s', (domain, expected) => {
    expect(isFunctionUrlDomain(domain)).toBe(expected);
  });
});
