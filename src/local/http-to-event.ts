import { isUtf8 } from 'node:buffer';
import { randomBytes } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { tryDecode, tryDecodeFormComponent } from '../http/encoding';
import type { JwtAuthorizerContext } from './authorizer-context';

/** An HTTP request as the local server received it. */
export interface HttpRequestParts {
  readonly method: string;
  /** The request target as sent: path and optional query, still percent-encoded. */
  readonly target: string;
  /** Header lines in arrival order and client case; a name may repeat. */
  readonly headers: ReadonlyArray<readonly [string, string]>;
  /** The body bytes; empty when the request has none. */
  readonly body: Buffer;
  readonly sourceIp: string;
  /** e.g. `HTTP/1.1` */
  readonly protocol: string;
}

/** The HTTP API the local server stands in for. */
export interface LocalApi {
  /** `$default`, or a named stage whose name prefixes every path. */
  readonly stage: string;
  readonly apiId: string;
  readonly region: string;
  /** The port clients connect to, reported in `x-forwarded-port`. */
  readonly port: number;
}

/** A declared route that matched: its key and the values of its `{parameters}`. */
export interface RouteMatch {
  readonly routeKey: string;
  readonly pathParameters: Readonly<Record<string, string>> | undefined;
}

/** What differs per request besides the HTTP message. */
export interface EventExtras {
  readonly requestId: string;
  readonly time: Date;
  /** The declared route the request matched; `undefined` sends it to the `$default` route. */
  readonly route: RouteMatch | undefined;
  /** What the route's JWT authorizer found in the token; absent on unprotected routes. */
  readonly authorizer?: { readonly jwt: JwtAuthorizerContext } | undefined;
}

// Hop-by-hop headers end at API Gateway (RFC 9110 §7.6.1); the body's length is recomputed.
const DROPPED_HEADERS = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'content-length',
]);

const TEXT_MEDIA_TYPE =
  /^(text\/|application\/(json|xml|javascript|x-www-form-urlencoded|graphql)\b|application\/[^;]*\+(json|xml)\b)/i;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Splits a request target into the path as HTTP APIs deliver it (percent-decoded: `/a%2Fb` arrives
 * as `/a/b`) and the query string as sent (still encoded, without `?`).
 */
export function splitTarget(target: string): { rawPath: string; rawQueryString: string } {
  const question = target.indexOf('?');
  const path = question === -1 ? target : target.slice(0, question);
  const rawQueryString = question === -1 ? '' : target.slice(question + 1);
  return { rawPath: tryDecode(path === '' ? '/' : path), rawQueryString };
}

/**
 * The part of a decoded path that routes see: without `/{stage}` on a named stage, as on the
 * `execute-api` host. `undefined` when a named stage's prefix is missing, which API Gateway
 * answers itself with 404.
 */
export function pathWithoutStage(rawPath: string, stage: string): string | undefined {
  if (stage === '$default') return rawPath;
  const prefix = `/${stage}`;
  if (rawPath === prefix) return '/';
  return rawPath.startsWith(`${prefix}/`) ? rawPath.slice(prefix.length) : undefined;
}

/** A request id shaped like API Gateway's (`BxVt7gYJjoEEMvA=`). */
export function newApiRequestId(): string {
  return randomBytes(11).toString('base64');
}

/** `24/Nov/2026:21:45:00 +0000`, the `requestContext.time` format. */
export function formatRequestTime(time: Date): string {
  const two = (value: number): string => String(value).padStart(2, '0');
  return (
    `${two(time.getUTCDate())}/${MONTHS[time.getUTCMonth()]}/${time.getUTCFullYear()}:` +
    `${two(time.getUTCHours())}:${two(time.getUTCMinutes())}:${two(time.getUTCSeconds())} +0000`
  );
}

/**
 * Whether API Gateway would pass the body as text: a textual media type and valid UTF-8. Anything
 * else (images, archives, a body without a content type) is sent base64-encoded.
 */
export function isTextBody(contentType: string | undefined, body: Buffer): boolean {
  return contentType !== undefined && TEXT_MEDIA_TYPE.test(contentType.trim()) && isUtf8(body);
}

/** `a=1&a=2&b` as `{ a: '1,2', b: '' }`: decoded, repeated keys comma-joined, like HTTP APIs. */
export function toQueryStringParameters(rawQueryString: string): Record<string, string> {
  // Null prototype: `?__proto__=x` is a parameter like any other.
  const parameters: Record<string, string> = Object.create(null);
  for (const pair of rawQueryString.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const key = tryDecodeFormComponent(equals === -1 ? pair : pair.slice(0, equals));
    const value = equals === -1 ? '' : tryDecodeFormComponent(pair.slice(equals + 1));
    const previous = Object.hasOwn(parameters, key) ? parameters[key] : undefined;
    parameters[key] = previous === undefined ? value : `${previous},${value}`;
  }
  return parameters;
}

/**
 * Header names lower-cased and repeated values joined with `,`, as HTTP APIs send them; `Cookie`
 * lines become the `cookies` list instead.
 */
function readHeaders(lines: HttpRequestParts['headers']): {
  headers: Record<string, string>;
  cookies: string[];
} {
  const headers: Record<string, string> = Object.create(null);
  const cookies: string[] = [];
  for (const [name, value] of lines) {
    const lower = name.toLowerCase();
    if (lower === 'cookie') {
      for (const pair of value.split(';')) if (pair.trim() !== '') cookies.push(pair.trim());
    } else if (!DROPPED_HEADERS.has(lower)) {
      const previous = Object.hasOwn(headers, lower) ? headers[lower] : undefined;
      headers[lower] = previous === undefined ? value : `${previous},${value}`;
    }
  }
  return { headers, cookies };
}

function traceId(time: Date): string {
  const seconds = Math.floor(time.getTime() / 1000).toString(16);
  return `Root=1-${seconds}-${randomBytes(12).toString('hex')}`;
}

/**
 * Builds the event an API Gateway HTTP API (payload format 2.0) sends Lambda for `request`.
 *
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
 */
export function toHttpApiEvent(
  request: HttpRequestParts,
  api: LocalApi,
  extras: EventExtras,
): APIGatewayProxyEventV2 {
  const { rawPath, rawQueryString } = splitTarget(request.target);
  const { headers, cookies } = readHeaders(request.headers);
  const forwarded = headers['x-forwarded-for'];
  headers['x-forwarded-for'] =
    forwarded === undefined ? request.sourceIp : `${forwarded}, ${request.sourceIp}`;
  headers['x-forwarded-proto'] = 'http';
  headers['x-forwarded-port'] = String(api.port);
  headers['x-amzn-trace-id'] ??= traceId(extras.time);
  const hasBody = request.body.length > 0;
  if (hasBody) headers['content-length'] = String(request.body.length);
  const text = hasBody && isTextBody(headers['content-type'], request.body);
  const query = toQueryStringParameters(rawQueryString);
  const routeKey = extras.route?.routeKey ?? '$default';
  const domainName = `${api.apiId}.execute-api.${api.region}.amazonaws.com`;
  return {
    version: '2.0',
    routeKey,
    rawPath,
    rawQueryString,
    ...(cookies.length > 0 ? { cookies } : {}),
    headers,
    ...(Object.keys(query).length > 0 ? { queryStringParameters: query } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: api.apiId,
      domainName,
      domainPrefix: api.apiId,
      http: {
        method: request.method,
        path: rawPath,
        protocol: request.protocol,
        sourceIp: request.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: extras.requestId,
      routeKey,
      stage: api.stage,
      time: formatRequestTime(extras.time),
      timeEpoch: extras.time.getTime(),
      ...(extras.authorizer === undefined
        ? {}
        : {
            authorizer: {
              jwt: {
                claims: { ...extras.authorizer.jwt.claims },
                scopes: extras.authorizer.jwt.scopes,
              },
            },
          }),
    },
    ...(hasBody ? { body: request.body.toString(text ? 'utf8' : 'base64') } : {}),
    ...(extras.route?.pathParameters === undefined
      ? {}
      : { pathParameters: { ...extras.route.pathParameters } }),
    isBase64Encoded: hasBody && !text,
  };
}
