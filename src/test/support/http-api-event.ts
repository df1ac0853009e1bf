// Shared by unit tests, the sample API's tests and the benchmarks, which Node runs with type
// stripping: type-only imports only, and nothing from sample-api.
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/** What one test request changes; everything else takes the AWS sample's value. */
export interface HttpApiEventOptions {
  /**
   * Request headers. A name replaces the default header of the same name in any case, and keeps
   * the spelling given here.
   */
  readonly headers?: Readonly<Record<string, string>>;
  /** The body as API Gateway passes it: text, or base64 with `isBase64Encoded`. */
  readonly body?: string;
  /** @defaultValue false */
  readonly isBase64Encoded?: boolean;
  /**
   * What an HTTP API JWT authorizer verified, as it writes it: claims as strings, `scopes` from the
   * token's `scope` claim. @defaultValue no authorizer
   */
  readonly jwt?: {
    readonly claims: Readonly<Record<string, string>>;
    readonly scopes: readonly string[];
  };
}

/** A whole request for {@link httpApiEvent}, for tests that keep requests in tables. */
export interface HttpApiRequest extends HttpApiEventOptions {
  readonly method: string;
  /** The path, with the query string if any: `/users?limit=5`. */
  readonly path: string;
}

const API_ID = 'abc123';
const DOMAIN = `${API_ID}.execute-api.us-east-1.amazonaws.com`;
const SOURCE_IP = '192.0.2.1';

function queryParameters(rawQueryString: string): Record<string, string> | undefined {
  if (rawQueryString === '') return undefined;
  const query = new URLSearchParams(rawQueryString);
  // API Gateway joins the values of a repeated key with commas.
  return Object.fromEntries(
    [...new Set(query.keys())].map((key) => [key, query.getAll(key).join(',')]),
  );
}

function withDefaults(
  given: Readonly<Record<string, string>>,
  body: string | undefined,
  isBase64Encoded: boolean,
): Record<string, string> {
  const defaults: Record<string, string> = {
    host: DOMAIN,
    'user-agent': 'curl/8.5.0',
    'x-amzn-trace-id': 'Root=1-6743a1c2-3f1e6b2a4c5d6e7f8a9b0c1d',
    'x-forwarded-for': SOURCE_IP,
    'x-forwarded-port': '443',
    'x-forwarded-proto': 'https',
  };
  if (body !== undefined) {
    defaults['content-length'] = String(
      Buffer.byteLength(body, isBase64Encoded ? 'base64' : 'utf8'),
    );
  }
  const names = new Set(Object.keys(given).map((name) => name.toLowerCase()));
  const kept = Object.entries(defaults).filter(([name]) => !names.has(name));
  return { ...Object.fromEntries(kept), ...given };
}

/**
 * An API Gateway HTTP API event, payload format 2.0, shaped like the AWS documentation's sample
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html):
 * `$default` stage and route, `rawPath` as given (HTTP APIs pass it percent-decoded), the query
 * string both raw and as `queryStringParameters`, and the headers API Gateway adds.
 *
 * @param method - The HTTP method, written into `requestContext.http.method` as given.
 * @param target - The path, with the query string if any: `/users?limit=5`.
 * @param options - Headers, body and body encoding.
 * @returns A new event; change it freely.
 * @example
 * ```ts
 * const event = httpApiEvent('POST', '/users?notify=1', jsonBody({ name: 'Ada' }));
 * ```
 */
export function httpApiEvent(
  method: string,
  target: string,
  options: HttpApiEventOptions = {},
): APIGatewayProxyEventV2 {
  const queryStart = target.indexOf('?');
  const rawPath = queryStart === -1 ? target : target.slice(0, queryStart);
  const rawQueryString = queryStart === -1 ? '' : target.slice(queryStart + 1);
  const { body, isBase64Encoded = false } = options;
  const headers = withDefaults(options.headers ?? {}, body, isBase64Encoded);
  const userAgent = Object.entries(headers).find(([name]) => name.toLowerCase() === 'user-agent');
  const queryStringParameters = queryParameters(rawQueryString);
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString,
    headers,
    ...(queryStringParameters === undefined ? {} : { queryStringParameters }),
    requestContext: {
      accountId: '123456789012',
      apiId: API_ID,
      domainName: DOMAIN,
      domainPrefix: API_ID,
      http: {
        method,
        path: rawPath,
        protocol: 'HTTP/1.1',
        sourceIp: SOURCE_IP,
        userAgent: userAgent?.[1] ?? '',
      },
      requestId: 'JKJaXmPLvHcESHA=',
      routeKey: '$default',
      stage: '$default',
      time: '24/Nov/2026:19:03:58 +0000',
      timeEpoch: 1795633438000,
      ...(options.jwt === undefined
        ? {}
        : {
            authorizer: {
              jwt: { claims: { ...options.jwt.claims }, scopes: [...options.jwt.scopes] },
            },
          }),
    },
    ...(body === undefined ? {} : { body }),
    isBase64Encoded,
  };
}

/**
 * A JSON body with its content type, as options of {@link httpApiEvent}.
 *
 * @param value - Serialized with `JSON.stringify`.
 * @returns The body and a `content-type: application/json` header.
 * @example
 * ```ts
 * httpApiEvent('POST', '/users', jsonBody({ name: 'Ada', email: 'ada@example.com' }));
 * ```
 */
export function jsonBody(value: unknown): HttpApiEventOptions {
  return { body: JSON.stringify(value), headers: { 'content-type': 'application/json' } };
}

/**
 * A JSON request with its content type, for tests that keep requests in tables.
 *
 * @param method - The HTTP method.
 * @param path - The path, with the query string if any.
 * @param value - The body, serialized with `JSON.stringify`.
 * @returns The request; `httpApiEvent(request.method, request.path, request)` makes its event.
 * @example
 * ```ts
 * const created = await api.request(jsonRequest('POST', '/users', { name: 'Ada' }));
 * ```
 */
export function jsonRequest(method: string, path: string, value: unknown): HttpApiRequest {
  return { method, path, ...jsonBody(value) };
}
