// The five invocations every implementation answers, as API Gateway sends them: four HTTP API
// (payload 2.0) events and one REST API (payload 1.0) GET.
import { httpApiEvent } from '../../src/test/support/http-api-event.ts';

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
const ACCEPT_JSON = { accept: 'application/json' };

function v2Get(target: string): object {
  return httpApiEvent('GET', target, { headers: ACCEPT_JSON });
}

function v2Post(body: string): object {
  return httpApiEvent('POST', '/users', {
    headers: { ...ACCEPT_JSON, 'content-type': 'application/json' },
    body,
  });
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
  'v2-get-user': JSON.stringify(v2Get('/users/42')),
  'v2-list-users': JSON.stringify(v2Get('/users?limit=10')),
  'v2-create-user': JSON.stringify(v2Post(VALID_BODY)),
  'v2-create-invalid': JSON.stringify(v2Post(INVALID_BODY)),
  'v1-get-user': JSON.stringify(v1GetUser()),
};
