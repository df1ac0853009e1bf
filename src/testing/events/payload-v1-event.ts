import { tryDecode, tryDecodeFormComponent } from '../../http/encoding';
import type { ClientRequest } from '../test-request';
import { requestTime } from './request-time';
import { bodyFields, grouped, rawQueryPairs, serviceHeaders } from './service-headers';

const ACCOUNT_ID = '123456789012';
const API_ID = 'testapi123';
const DOMAIN = `${API_ID}.execute-api.us-east-1.amazonaws.com`;
const REST_STAGE = 'test';

interface PayloadV1Shape {
  readonly version: '1.0' | undefined;
  readonly stage: string;
  /** The path in the event: REST APIs keep the client's encoding, HTTP APIs decode it. */
  readonly path: string;
  readonly resource: string;
  readonly pathParameters: Record<string, string> | null;
}

function payloadV1Event(
  request: ClientRequest,
  shape: PayloadV1Shape,
  authorizer: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const lines = serviceHeaders(request, DOMAIN);
  if (request.cookies.length > 0) lines.push(['cookie', request.cookies.join('; ')]);
  const headers: Record<string, string> = {};
  // `headers` keeps the last value of a repeated header; `multiValueHeaders` keeps them all.
  for (const [name, value] of lines) headers[name] = value;
  const query = rawQueryPairs(request.rawQuery).map(
    ([name, value]) => [tryDecodeFormComponent(name), tryDecodeFormComponent(value)] as const,
  );
  const now = new Date();
  const { body, isBase64Encoded } = bodyFields(request);
  return {
    ...(shape.version === undefined ? {} : { version: shape.version }),
    resource: shape.resource,
    path: shape.path,
    httpMethod: request.method,
    headers,
    multiValueHeaders: grouped(lines),
    queryStringParameters: query.length === 0 ? null : Object.fromEntries(query),
    multiValueQueryStringParameters: query.length === 0 ? null : grouped(query),
    pathParameters: shape.pathParameters,
    stageVariables: null,
    requestContext: {
      accountId: ACCOUNT_ID,
      apiId: API_ID,
      ...(authorizer === undefined ? {} : { authorizer }),
      domainName: DOMAIN,
      domainPrefix: API_ID,
      extendedRequestId: request.requestId,
      httpMethod: request.method,
      identity: {
        accessKey: null,
        accountId: null,
        caller: null,
        cognitoAuthenticationProvider: null,
        cognitoAuthenticationType: null,
        cognitoIdentityId: null,
        cognitoIdentityPoolId: null,
        principalOrgId: null,
        sourceIp: request.sourceIp,
        user: null,
        userAgent: headers['user-agent'] ?? '',
        userArn: null,
      },
      path: shape.stage === '$default' ? shape.path : `/${shape.stage}${shape.path}`,
      protocol: 'HTTP/1.1',
      requestId: request.requestId,
      requestTime: requestTime(now),
      requestTimeEpoch: now.getTime(),
      resourceId: 'testres',
      resourcePath: shape.resource,
      stage: shape.stage,
    },
    // Payload 1.0 writes `null` for a request without a body.
    body: body ?? null,
    isBase64Encoded,
  };
}

/**
 * A REST API event (Lambda proxy integration) for a `/{proxy+}` resource on the `test` stage of
 * the execute-api host, whose `path` carries no stage.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html
 */
export function restEvent(
  request: ClientRequest,
  authorizer?: Record<string, unknown>,
): Record<string, unknown> {
  return payloadV1Event(
    request,
    {
      version: undefined,
      stage: REST_STAGE,
      path: request.path,
      resource: '/{proxy+}',
      pathParameters: request.path === '/' ? null : { proxy: tryDecode(request.path.slice(1)) },
    },
    authorizer,
  );
}

/**
 * An HTTP API event in payload format 1.0 (`version: "1.0"`), on the `$default` stage and route.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
 */
export function httpApiV1Event(
  request: ClientRequest,
  authorizer?: Record<string, unknown>,
): Record<string, unknown> {
  return payloadV1Event(
    request,
    {
      version: '1.0',
      stage: '$default',
      path: tryDecode(request.path),
      resource: '$default',
      pathParameters: null,
    },
    authorizer,
  );
}
