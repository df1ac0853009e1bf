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
import { albSource } from './alb';

const singleSample = loadEventFixture(albSource, 'aws-sample');
const multiSample = loadEventFixture(albSource, 'multi-value');

/**
 * The header lines a load balancer forwards for `spec`: names in lower case, its own
 * X-Amzn-Trace-Id, and the caller's address appended to X-Forwarded-For.
 */
function linesOf(spec: RequestSpec): Array<readonly [string, string]> {
  if (spec.headers.length === 0) return [];
  const lines = spec.headers.map(([name, value]) => [name.toLowerCase(), value] as const);
  const forwarded = lines.find(([name]) => name === 'x-forwarded-for');
  const others = lines.filter(([name]) => name !== 'x-forwarded-for');
  const chain = forwarded === undefined ? spec.sourceIp : `${forwarded[1]}, ${spec.sourceIp}`;
  return [...others, ['x-forwarded-for', chain], ['x-amzn-trace-id', spec.requestId]];
}

/** Query pairs exactly as the client wrote them: the load balancer does not decode them. */
function pairsOf(spec: RequestSpec): Array<readonly [string, string]> {
  return spec.query
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const equals = pair.indexOf('=');
      return equals === -1 ? [pair, ''] : [pair.slice(0, equals), pair.slice(equals + 1)];
    });
}

/** Default target group: the last value of each header and query key wins. */
function makeSingleValueEvent(spec: RequestSpec) {
  return asEventOf(albSource, {
    ...singleSample,
    httpMethod: spec.method,
    path: spec.path,
    headers: emptyAs(spec, Object.fromEntries(linesOf(spec))),
    queryStringParameters: emptyAs(spec, Object.fromEntries(pairsOf(spec))),
    ...bodyFieldsOf(spec),
  });
}

/** Target group with `lambda.multi_value_headers.enabled`: every value, in arrays. */
function makeMultiValueEvent(spec: RequestSpec) {
  const group = (entries: Array<readonly [string, string]>) => {
    const map: Record<string, string[]> = {};
    for (const [name, value] of entries) map[name] = [...(map[name] ?? []), value];
    return map;
  };
  return asEventOf(albSource, {
    ...multiSample,
    httpMethod: spec.method,
    path: spec.path,
    multiValueHeaders: spec.emptyMaps === 'null' ? {} : group(linesOf(spec)),
    multiValueQueryStringParameters: emptyAs(spec, group(pairsOf(spec))),
    ...bodyFieldsOf(spec),
  });
}

runEventSourceSuite({
  source: albSource,
  makeEvent: makeSingleValueEvent,
  label: 'alb (single-value headers)',
  unsupported: {
    'repeated-query': 'the load balancer keeps only the last value of a repeated key',
    'split-cookie-headers': 'the load balancer keeps only the last Cookie header',
    'all-set-cookies': 'a single-value response carries one Set-Cookie (C34)',
  },
});
runEventSourceSuite({
  source: albSource,
  makeEvent: makeMultiValueEvent,
  label: 'alb (multi-value headers)',
});

describe('albSource requests', () => {
  it('C3: reads the documented single-value sample', () => {
    // Act
    const request = albSource.toRequest(singleSample, testContext, {});
    // Assess
    expect(request).toMatchObject({ method: 'GET', path: '/', sourceIp: '72.21.198.66' });
    expect(request.sourceRequestId).toBe('Root=1-5bdb40ca-556d8b0c50dc66f0511bf520');
    expect({ ...request.query }).toEqual({ myKey: 'val2' });
    expect({ ...request.cookies }).toEqual({ name2: 'value2' });
    expect(request.body?.toString('utf8')).toBe('request_body');
  });

  it('C3/C33: reads the documented multi-value sample, cookies joined with "; "', () => {
    // Act
    const request = albSource.toRequest(multiSample, testContext, {});
    // Assess
    expect({ ...request.query }).toEqual({ myKey: ['val1', 'val2'] });
    expect(request.headers['cookie']).toBe('name1=value1; name2=value2');
    expect({ ...request.cookies }).toEqual({ name1: 'value1', name2: 'value2' });
  });

  it('C39: reads the health check, whose body is empty, as a request without body', () => {
    // Prepare
    const event = loadEventFixture(albSource, 'health-check');
    // Act
    const request = albSource.toRequest(event, testContext, {});
    // Assess
    expect(request).toMatchObject({ method: 'GET', body: undefined, sourceIp: undefined });
    expect({ ...request.query }).toEqual({});
  });

  it('C33/C38: joins multi-value X-Forwarded-For lines with ", " and takes the last entry', () => {
    // Prepare
    const event = asEventOf(albSource, {
      ...multiSample,
      multiValueHeaders: { 'x-forwarded-for': ['6.6.6.6, 10.0.0.1', ' 198.51.100.4 '] },
    });
    // Act
    const request = albSource.toRequest(event, testContext, {});
    // Assess
    expect(request.headers['x-forwarded-for']).toBe('6.6.6.6, 10.0.0.1,  198.51.100.4 ');
    expect(request.sourceIp).toBe('198.51.100.4');
  });

  it('C38: reports no address when X-Forwarded-For is empty', () => {
    // Prepare
    const event = asEventOf(albSource, { ...singleSample, headers: { 'x-forwarded-for': '' } });
    // Act & Assess
    expect(albSource.toRequest(event, testContext, {}).sourceIp).toBeUndefined();
  });

  it('C31: decodes query keys and values of the multi-value map once', () => {
    // Prepare
    const event = asEventOf(albSource, {
      ...multiSample,
      multiValueQueryStringParameters: { 'k%5B0%5D': ['a%20b', 'c+d'], pct: ['100%2525'] },
    });
    // Act & Assess
    expect({ ...albSource.toRequest(event, testContext, {}).query }).toEqual({
      'k[0]': ['a b', 'c d'],
      pct: '100%25',
    });
  });
});

describe('albSource results', () => {
  it('C32: answers a multi-value event with multiValueHeaders only', () => {
    // Act
    const result = albSource.toResult(
      outgoing({ status: 404, headers: { vary: ['origin', 'accept'] }, cookies: ['a=1', 'b=2'] }),
      multiSample,
      recordingLogger(),
    );
    // Assess
    expect(result).toEqual({
      statusCode: 404,
      statusDescription: '404 Not Found',
      multiValueHeaders: { vary: ['origin', 'accept'], 'set-cookie': ['a=1', 'b=2'] },
      body: '',
      isBase64Encoded: false,
    });
  });

  it('C32: answers a single-value event with headers only, repeated values comma-joined', () => {
    // Act
    const result = albSource.toResult(
      outgoing({ headers: { vary: ['origin', 'accept'] } }),
      singleSample,
      recordingLogger(),
    );
    // Assess
    expect(result).toEqual({
      statusCode: 200,
      statusDescription: '200 OK',
      headers: { vary: 'origin, accept' },
      body: '',
      isBase64Encoded: false,
    });
  });

  it('C34: sends the first of several Set-Cookie in single-value mode and warns once', () => {
    // Prepare
    const logger = recordingLogger();
    // Act
    const result = albSource.toResult(
      outgoing({ cookies: ['a=1', 'b=2', 'c=3'] }),
      singleSample,
      logger,
    );
    // Assess
    expect(result.headers).toEqual({ 'set-cookie': 'a=1' });
    expect(logger.warnings).toHaveLength(1);
    expect(logger.warnings[0]).toMatchObject({ droppedSetCookies: 2 });
  });

  it('C34: does not warn for a single Set-Cookie', () => {
    // Prepare
    const logger = recordingLogger();
    // Act
    const result = albSource.toResult(outgoing({ cookies: ['a=1'] }), singleSample, logger);
    // Assess
    expect(result.headers).toEqual({ 'set-cookie': 'a=1' });
    expect(logger.warnings).toEqual([]);
  });

  it.each([
    [200, '200 OK'],
    [404, '404 Not Found'],
    [299, '299 Success'],
    [Number.NaN, '500 Internal Server Error'],
  ])('C35: describes status %d as "%s"', (status, description) => {
    expect(
      albSource.toResult(outgoing({ status }), singleSample, recordingLogger()).statusDescription,
    ).toBe(description);
  });

  it('C36: sends every header value as a string in both modes', () => {
    // Prepare
    const response = outgoing({
      headers: { 'x-count': ['1'], 'x-flag': ['true'] },
      cookies: ['a=1'],
    });
    // Act
    const single = albSource.toResult(response, singleSample, recordingLogger());
    const multi = albSource.toResult(response, multiSample, recordingLogger());
    // Assess
    expect(Object.values(single.headers ?? {}).every((value) => typeof value === 'string')).toBe(
      true,
    );
    expect(
      Object.values(multi.multiValueHeaders ?? {})
        .flat()
        .every((value) => typeof value === 'string'),
    ).toBe(true);
  });

  it('C40: allows responses up to the load balancer 1 MB limit', () => {
    expect(albSource.maxResponseBytes).toBe(1_048_576);
  });
});
