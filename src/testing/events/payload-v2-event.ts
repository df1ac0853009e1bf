import { tryDecode, tryDecodeFormComponent } from '../../http/encoding';
import type { ClientRequest } from '../test-request';
import { requestTime } from './request-time';
import { bodyFields, grouped, rawQueryPairs, serviceHeaders } from './service-headers';

const ACCOUNT_ID = '123456789012';
const API_ID = 'testapi123';
const URL_ID = 'testurlid1234567890abcdefghijkl';
const REGION = 'us-east-1';

/** Where the event came from: an HTTP API decodes the path, a function URL keeps it encoded. */
interface PayloadV2Host {
  readonly domainName: string;
  readonly domainPrefix: string;
  readonly apiId: string;
  readonly decodePath: boolean;
}

const HTTP_API: PayloadV2Host = {
  domainName: `${API_ID}.execute-api.${REGION}.amazonaws.com`,
  domainPrefix: API_ID,
  apiId: API_ID,
  decodePath: true,
};

const FUNCTION_URL: PayloadV2Host = {
  domainName: `${URL_ID}.lambda-url.${REGION}.on.aws`,
  domainPrefix: URL_ID,
  apiId: URL_ID,
  decodePath: false,
};

function payloadV2Event(
  request: ClientRequest,
  host: PayloadV2Host,
  authorizer: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const headers: Record<string, string> = {};
  // Payload 2.0 joins a repeated header's values with commas and moves cookies to `cookies`.
  for (const [name, value] of serviceHeaders(request, host.domainName)) {
    headers[name] = headers[name] === undefined ? value : `${headers[name]},${value}`;
  }
  const query = grouped(
    rawQueryPairs(request.rawQuery).map(
      ([name, value]) => [tryDecodeFormComponent(name), tryDecodeFormComponent(value)] as const,
    ),
  );
  const rawPath = host.decodePath ? tryDecode(request.path) : request.path;
  const now = Date.now();
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString: request.rawQuery,
    ...(request.cookies.length > 0 ? { cookies: [...request.cookies] } : {}),
    headers,
    ...(request.rawQuery === ''
      ? {}
      : {
          queryStringParameters: Object.fromEntries(
            Object.entries(query).map(([name, values]) => [name, values.join(',')]),
          ),
        }),
    requestContext: {
      accountId: ACCOUNT_ID,
      apiId: host.apiId,
      ...(authorizer === undefined ? {} : { authorizer }),
      domainName: host.domainName,
      domainPrefix: host.domainPrefix,
      http: {
        method: request.method,
        path: rawPath,
        protocol: 'HTTP/1.1',
        sourceIp: request.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: request.requestId,
      routeKey: '$default',
      stage: '$default',
      time: requestTime(new Date(now)),
      timeEpoch: now,
    },
    ...bodyFields(request),
  };
}

/**
 * An HTTP API event, payload format 2.0, on the `$default` stage and route.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
 */
export function httpApiEvent(
  request: ClientRequest,
  authorizer?: Record<string, unknown>,
): Record<string, unknown> {
  return payloadV2Event(request, HTTP_API, authorizer);
}

/**
 * A function URL event: payload 2.0 on a `lambda-url` host, the path as the client encoded it.
 * https://docs.aws.amazon.com/lambda/latest/dg/urls-invocation.html
 */
export function functionUrlEvent(
  request: ClientRequest,
  authorizer?: Record<string, unknown>,
): Record<string, unknown> {
  return payloadV2Event(request, FUNCTION_URL, authorizer);
}
