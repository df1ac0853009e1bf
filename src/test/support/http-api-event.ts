/** Options of a test event; everything not given takes the AWS sample's value. */
export interface TestEventOptions {
  readonly body?: string;
  readonly headers?: Record<string, string>;
  readonly rawQueryString?: string;
}

/**
 * An API Gateway HTTP API payload 2.0 event shaped like the AWS documentation's sample
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html).
 */
export function httpApiEvent(
  method: string,
  path: string,
  options: TestEventOptions = {},
): Record<string, unknown> {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: options.rawQueryString ?? '',
    headers: { host: 'abc123.execute-api.us-east-1.amazonaws.com', ...options.headers },
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: 'abc123.execute-api.us-east-1.amazonaws.com',
      domainPrefix: 'abc123',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'jest' },
      requestId: 'JKJaXmPLvHcESHA=',
      routeKey: '$default',
      stage: '$default',
      time: '24/Nov/2026:19:03:58 +0000',
      timeEpoch: 1795633438000,
    },
    ...(options.body === undefined ? {} : { body: options.body }),
    isBase64Encoded: false,
  };
}
