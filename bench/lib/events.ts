// The five invocations every implementation answers, as API Gateway sends them: four HTTP API
// (payload 2.0) events and one REST API (payload 1.0) GET.
import type { Context } from 'aws-lambda';

export const EVENT_NAMES = [
  'v2-get-user',
  'v2-list-users',
  'v2-create-user',
  'v2-create-invalid',
  'v1-get-user',
] as const;

export type EventName = (typeof EVENT_NAMES)[number];

const HOST = 'a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com';
const VALID_BODY = '{"name":"Ada Lovelace","email":"ada@example.com"}';
const INVALID_BODY = '{"name":"","email":"not-an-email"}';

function v2(method: string, path: string, query: string, body: string | undefined): object {
  const queryParameters = Object.fromEntries(new URLSearchParams(query));
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: query,
    headers: {
      accept: 'application/json',
      ...(body === undefined
        ? {}
        : { 'content-type': 'application/json', 'content-length': String(body.length) }),
      host: HOST,
      'user-agent': 'curl/8.5.0',
      'x-amzn-trace-id': 'Root=1-6743a1c2-3f1e6b2a4c5d6e7f8a9b0c1d',
      'x-forwarded-for': '203.0.113.7',
      'x-forwarded-port': '443',
      'x-forwarded-proto': 'https',
    },
    ...(query === '' ? {} : { queryStringParameters: queryParameters }),
    requestContext: {
      accountId: '123456789012',
      apiId: 'a1b2c3d4e5',
      domainName: HOST,
      domainPrefix: 'a1b2c3d4e5',
      http: {
        method,
        path,
        protocol: 'HTTP/1.1',
        sourceIp: '203.0.113.7',
        userAgent: 'curl/8.5.0',
      },
      requestId: 'BxVt7gYJjoEEMvA=',
      routeKey: '$default',
      stage: '$default',
      time: '24/Nov/2026:21:45:00 +0000',
      timeEpoch: 1795556700000,
    },
    ...(body === undefined ? {} : { body }),
    isBase64Encoded: false,
  };
}

function v1GetUser(): object {
  const headers = {
    Accept: 'application/json',
    Host: HOST,
    'User-Agent': 'curl/8.5.0',
    'X-Amzn-Trace-Id': 'Root=1-6743a1c4-1b2c3d4e5f6a7b8c9d0e1f2a',
    'X-Forwarded-For': '203.0.113.7',
    'X-Forwarded-Port': '443',
    'X-Forwarded-Proto': 'https',
  };
  return {
    resource: '/users/{id}',
    path: '/users/42',
    httpMethod: 'GET',
    headers,
    multiValueHeaders: Object.fromEntries(
      Object.entries(headers).map(([name, value]) => [name, [value]]),
    ),
    queryStringParameters: null,
    multiValueQueryStringParameters: null,
    pathParameters: { id: '42' },
    stageVariables: null,
    requestContext: {
      accountId: '123456789012',
      apiId: 'k9l8m7n6o5',
      domainName: HOST,
      domainPrefix: 'k9l8m7n6o5',
      extendedRequestId: 'BxVv3GqpjoEFZ1A=',
      httpMethod: 'GET',
      identity: { sourceIp: '203.0.113.7', userAgent: 'curl/8.5.0' },
      path: '/prod/users/42',
      protocol: 'HTTP/1.1',
      requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
      requestTime: '24/Nov/2026:21:45:02 +0000',
      requestTimeEpoch: 1795556702000,
      resourceId: 'x1y2z3',
      resourcePath: '/users/{id}',
      stage: 'prod',
    },
    body: null,
    isBase64Encoded: false,
  };
}

/** Each event as the JSON text Lambda's runtime parses before every invocation. */
export const EVENT_JSON: Readonly<Record<EventName, string>> = {
  'v2-get-user': JSON.stringify(v2('GET', '/users/42', '', undefined)),
  'v2-list-users': JSON.stringify(v2('GET', '/users', 'limit=10', undefined)),
  'v2-create-user': JSON.stringify(v2('POST', '/users', '', VALID_BODY)),
  'v2-create-invalid': JSON.stringify(v2('POST', '/users', '', INVALID_BODY)),
  'v1-get-user': JSON.stringify(v1GetUser()),
};

/** A Lambda context with the fields frameworks read. */
export function lambdaContext(): Context {
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: 'bench',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:bench',
    memoryLimitInMB: '1024',
    awsRequestId: '8476a536-e9f4-11e8-9739-2dfe598c3fcd',
    logGroupName: '/aws/lambda/bench',
    logStreamName: '2026/11/24/[$LATEST]abcdef',
    getRemainingTimeInMillis: () => 30_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
