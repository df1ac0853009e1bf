import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/** A request to send through `main.handler`. */
export interface RequestSpec {
  readonly method: string;
  /** Path and optional query string, e.g. `/users?limit=5`. */
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent as is; a JSON request passes `JSON.stringify(...)` or deliberately broken text. */
  readonly body?: string;
}

/** A JSON POST body with the matching content type. */
export function jsonRequest(method: string, path: string, body: unknown): RequestSpec {
  return {
    method,
    path,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  };
}

/**
 * An HTTP API (payload 2.0) event for `spec`, shaped like the events API Gateway sends
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html).
 */
export function httpApiEvent(spec: RequestSpec): APIGatewayProxyEventV2 {
  const [rawPath = '/', rawQueryString = ''] = spec.path.split(/\?(.*)/s);
  const query = new URLSearchParams(rawQueryString);
  const queryStringParameters: Record<string, string> = {};
  for (const key of new Set(query.keys())) queryStringParameters[key] = query.getAll(key).join(',');
  const headers: Record<string, string> = {
    host: 'a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com',
    'user-agent': 'sample-api-tests',
    ...spec.headers,
  };
  if (spec.body !== undefined) headers['content-length'] = String(Buffer.byteLength(spec.body));
  const method = spec.method.toUpperCase();
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString,
    headers,
    ...(rawQueryString === '' ? {} : { queryStringParameters }),
    requestContext: {
      accountId: '123456789012',
      apiId: 'a1b2c3d4e5',
      domainName: 'a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com',
      domainPrefix: 'a1b2c3d4e5',
      http: {
        method,
        path: rawPath,
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'sample-api-tests',
      },
      requestId: `test-${Math.random().toString(36).slice(2)}`,
      routeKey: '$default',
      stage: '$default',
      time: '24/Nov/2026:21:45:00 +0000',
      timeEpoch: Date.now(),
    },
    ...(spec.body === undefined ? {} : { body: spec.body }),
    isBase64Encoded: false,
  };
}
