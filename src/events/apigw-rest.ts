import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { escapePath } from '../http/encoding';
import { setEntry } from '../http/headers';
import type { OutgoingResponse } from '../http/response';
import { isExecuteApiHost, isRecord, own, ownMap, ownRecord, ownString } from './event-fields';
import { EventRequest } from './event-request';
import { LAMBDA_SYNC_PAYLOAD_BYTES } from './lambda-limits';
import { multiValueParts } from './multi-value-parts';
import { stripBasePath } from './rest-base-path';
import { stripStagePrefix } from './stage-prefix';
import type { EventSource, LambdaHttpRequest, RequestOptions } from './types';

/**
 * Whether `event` is a payload format 1.0 event: `httpMethod` and `resource` strings and a
 * `requestContext` without `elb` (that key marks the load balancer, whose events also carry
 * `httpMethod`). REST APIs send no `version`; HTTP APIs configured for payload 1.0 send `"1.0"`.
 * The types matter: WebSocket API events have the same keys with `null` values, and answering
 * one as HTTP would lose the message.
 *
 * @param event - Any Lambda event.
 * @returns `true` for REST API and HTTP API payload 1.0 events.
 */
export function isPayloadV1(event: unknown): event is APIGatewayProxyEvent {
  const requestContext = own(event, 'requestContext');
  const version = own(event, 'version');
  return (
    isRecord(event) &&
    typeof own(event, 'httpMethod') === 'string' &&
    typeof own(event, 'resource') === 'string' &&
    isRecord(requestContext) &&
    !Object.hasOwn(requestContext, 'elb') &&
    (version === undefined || version === '1.0')
  );
}

/** Payload 1.0's headers, query and body: query values arrive decoded. */
const V1_PARTS = multiValueParts('decoded');

/**
 * Reads a payload 1.0 event (REST API, or HTTP API with payload 1.0) into a request; headers,
 * query and body are read when first asked for.
 */
function toRequest(event: unknown, context: Context, options: RequestOptions): LambdaHttpRequest {
  const requestContext = ownRecord(event, 'requestContext');
  let path = ownString(event, 'path') ?? '/';
  let headers: Record<string, string> | undefined;
  let domain = ownString(requestContext, 'domainName');
  if (domain === undefined) {
    headers = V1_PARTS.headers(event);
    domain = headers['host'];
  }
  // Only HTTP APIs send `version` here. They decode the path (AWS: "API Gateway decodes
  // URL-encoded request parameters") and keep the stage in it on the execute-api host, while REST
  // APIs pass `path` encoded as the client sent it and without the stage (live captures agree).
  if (own(event, 'version') === '1.0') {
    path = escapePath(stripStagePrefix(path, ownString(requestContext, 'stage'), domain));
  }
  // A base-path mapping exists only on a custom domain: on the execute-api host `path` is the
  // API's own path (`requestContext.path` adds the stage, never a mapping), so nothing is derived.
  const resource = isExecuteApiHost(domain) ? undefined : ownString(event, 'resource');
  path = stripBasePath(path, options.basePath, resource, ownMap(event, 'pathParameters'));
  return new EventRequest(
    {
      method: ownString(event, 'httpMethod'),
      path,
      sourceIp: ownString(ownRecord(requestContext, 'identity'), 'sourceIp'),
      sourceRequestId: ownString(requestContext, 'requestId'),
      headers,
      event,
      context,
    },
    V1_PARTS,
  );
}

function placeHeader(
  headers: Record<string, string>,
  multiValueHeaders: Record<string, string[]>,
  name: string,
  values: readonly string[],
): void {
  if (values.length > 1) setEntry(multiValueHeaders, name, [...values]);
  else if (values.length === 1) setEntry(headers, name, values[0] as string);
}

/**
 * Payload 1.0 answers: `statusCode` an integer and `body` always a string (API Gateway answers
 * 502 otherwise). A header with one value goes to `headers`, one with several (`Set-Cookie`
 * included) to `multiValueHeaders`, so no name is in both maps: API Gateway merges the two and
 * a name in both would be sent twice or lose values.
 */
function toResult(response: OutgoingResponse): APIGatewayProxyResult {
  const headers: Record<string, string> = {};
  const multiValueHeaders: Record<string, string[]> = {};
  for (const name of Object.keys(response.headers)) {
    placeHeader(headers, multiValueHeaders, name, response.headers[name] ?? []);
  }
  placeHeader(headers, multiValueHeaders, 'set-cookie', response.cookies);
  return {
    statusCode: response.status,
    headers,
    ...(Object.keys(multiValueHeaders).length > 0 ? { multiValueHeaders } : {}),
    body: response.body,
    isBase64Encoded: response.isBase64Encoded,
  };
}

/**
 * API Gateway REST API Lambda proxy integration, and HTTP APIs using payload format 1.0.
 *
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
 */
export const apigwRestSource: EventSource<APIGatewayProxyEvent, APIGatewayProxyResult> = {
  name: 'apigw-rest',
  maxResponseBytes: LAMBDA_SYNC_PAYLOAD_BYTES,
  matches: isPayloadV1,
  toRequest,
  toResult: (response) => toResult(response),
};
