import type {
  APIGatewayProxyEvent,
  APIGatewayProxyEventV2,
  APIGatewayProxyResult,
  APIGatewayProxyStructuredResultV2,
} from 'aws-lambda';

/** The two API Gateway payloads the hand-written handlers accept. */
export type HttpEvent = APIGatewayProxyEvent | APIGatewayProxyEventV2;
export type HttpResult = APIGatewayProxyResult | APIGatewayProxyStructuredResultV2;

export interface PlainRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string | undefined>>;
  readonly body: string | undefined;
}

function isV2(event: HttpEvent): event is APIGatewayProxyEventV2 {
  return 'version' in event && event.version === '2.0';
}

/** Reads what the floor needs from either payload version. */
export function toPlainRequest(event: HttpEvent): PlainRequest {
  const raw = event.body ?? undefined;
  const body =
    raw !== undefined && event.isBase64Encoded ? Buffer.from(raw, 'base64').toString() : raw;
  if (isV2(event)) {
    return {
      method: event.requestContext.http.method,
      path: event.rawPath,
      query: event.queryStringParameters ?? {},
      body,
    };
  }
  return {
    method: event.httpMethod,
    path: event.path,
    query: event.queryStringParameters ?? {},
    body,
  };
}

export function json(statusCode: number, body: unknown): HttpResult {
  return {
    statusCode,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  };
}
