import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import { decodeBody, escapePath, textBody } from '../http/encoding';
import { normalizeHeaders, setEntry, singleHeader } from '../http/headers';
import { parseQueryString, queryFromMaps } from '../http/query';
import type { OutgoingResponse } from '../http/response';
import { isRecord, own, ownMap, ownRecord, ownString } from './event-fields';
import { EventRequest, type LazyParts } from './event-request';
import { LAMBDA_SYNC_PAYLOAD_BYTES } from './lambda-limits';
import { stripStagePrefix } from './stage-prefix';
import type { EventSource, LambdaHttpRequest } from './types';

/** How one integration delivers its payload 2.0 path. */
export interface V2PathRules {
  /**
   * HTTP APIs decode the path before invoking ("API Gateway decodes URL-encoded request parameters
   * before passing them to your backend integration"; live captures show `/a%2Fb` arriving as
   * `rawPath` `/a/b`), function URLs pass it encoded.
   */
  readonly decoded: boolean;
  /** Only HTTP APIs have stages; function URLs set `stage` to the `$default` placeholder. */
  readonly stripStage: boolean;
}

/**
 * Whether `event` has the payload format 2.0 shape: `version: "2.0"` and a `requestContext.http`
 * object. `rawPath` alone is not enough: honojs/hono#5033 misread payload 1.0 events that way.
 *
 * @param event - Any Lambda event.
 * @returns `true` for HTTP API 2.0 and function URL events.
 */
export function isPayloadV2(event: unknown): event is APIGatewayProxyEventV2 {
  return own(event, 'version') === '2.0' && isRecord(own(own(event, 'requestContext'), 'http'));
}

/** Payload 2.0's headers with the `cookies` array merged back, its query and its body. */
const V2_PARTS: LazyParts = {
  headers(event) {
    const headers = normalizeHeaders(ownMap(event, 'headers'), undefined);
    const cookies = own(event, 'cookies');
    const cookiePairs = Array.isArray(cookies) ? cookies.filter(isString) : [];
    // Payload 2.0 moves the Cookie header into `cookies`; put it back so `@Headers()` and the
    // cookie parser see the same thing on every source.
    if (cookiePairs.length > 0) headers['cookie'] = cookiePairs.join('; ');
    return headers;
  },
  header: (event, name) => singleHeader(ownMap(event, 'headers'), name),
  query(event) {
    const rawQuery = ownString(event, 'rawQueryString');
    // `queryStringParameters` joins repeated keys with commas, so `a=1&a=2` and `a=1%2C2` look
    // alike there; it is only a fallback for events without `rawQueryString`.
    return rawQuery === undefined
      ? queryFromMaps(undefined, ownMap(event, 'queryStringParameters'), 'decoded')
      : parseQueryString(rawQuery);
  },
  body: (event) => decodeBody(own(event, 'body'), own(event, 'isBase64Encoded')),
  bodyText: (event) => textBody(own(event, 'body'), own(event, 'isBase64Encoded')),
};

/**
 * Reads a payload format 2.0 event into a {@link LambdaHttpRequest}; headers, query and body
 * are read when first asked for.
 *
 * @param event - A payload 2.0 event; fields of unexpected types read as absent.
 * @param context - The Lambda context.
 * @param rules - How this integration delivers the path.
 * @returns The normalized request.
 */
export function toV2Request(
  event: unknown,
  context: Context,
  rules: V2PathRules,
): LambdaHttpRequest {
  const requestContext = ownRecord(event, 'requestContext');
  const http = ownRecord(requestContext, 'http');
  let path = ownString(event, 'rawPath') ?? ownString(http, 'path') ?? '/';
  let headers: Record<string, string> | undefined;
  if (rules.stripStage) {
    let domain = ownString(requestContext, 'domainName');
    if (domain === undefined) {
      headers = V2_PARTS.headers(event);
      domain = headers['host'];
    }
    path = stripStagePrefix(path, ownString(requestContext, 'stage'), domain);
  }
  return new EventRequest(
    {
      method: ownString(http, 'method'),
      path: rules.decoded ? escapePath(path) : path,
      sourceIp: ownString(http, 'sourceIp'),
      sourceRequestId: ownString(requestContext, 'requestId'),
      headers,
      event,
      context,
    },
    V2_PARTS,
  );
}

/**
 * Writes a response in payload format 2.0: every `Set-Cookie` in `cookies`, repeated headers
 * comma-joined, and always the full envelope (without `statusCode`, API Gateway would guess 200
 * and JSON).
 *
 * @param response - The framework's response.
 * @returns The structured 2.0 result.
 */
export function toV2Result(response: OutgoingResponse): APIGatewayProxyStructuredResultV2 {
  const headers: Record<string, string> = {};
  for (const name of Object.keys(response.headers)) {
    const values = response.headers[name] ?? [];
    setEntry(headers, name, values.length === 1 ? (values[0] as string) : values.join(', '));
  }
  const result: APIGatewayProxyStructuredResultV2 = {
    statusCode: response.status,
    headers,
    body: response.body,
    isBase64Encoded: response.isBase64Encoded,
  };
  if (response.cookies.length > 0) result.cookies = [...response.cookies];
  return result;
}

const HTTP_API_PATHS: V2PathRules = { decoded: true, stripStage: true };

/**
 * API Gateway HTTP API, payload format 2.0.
 *
 * `matches` accepts every payload 2.0 event, function URLs included (their format is the same);
 * `detectEventSource` asks `functionUrlSource` first.
 *
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
 */
export const apigwHttpSource: EventSource<
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2
> = {
  name: 'apigw-http',
  maxResponseBytes: LAMBDA_SYNC_PAYLOAD_BYTES,
  matches: isPayloadV2,
  toRequest: (event, context) => toV2Request(event, context, HTTP_API_PATHS),
  toResult: (response) => toV2Result(response),
};

function isString(value: unknown): value is string {
  return typeof value === 'string';
}
