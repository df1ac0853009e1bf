import { parseQueryString } from '../../http/query';

/** The event sources a hostile request is sent through, ALB in both header modes. */
export const HOSTILE_SOURCES = [
  'apigw-http',
  'function-url',
  'apigw-rest',
  'alb',
  'alb-multi-value',
] as const;
export type HostileSource = (typeof HOSTILE_SOURCES)[number];

/** A request as an attacker shapes it, before an integration turns it into an event. */
export interface HostileRequest {
  readonly method: string;
  /** The path as the client sent it, percent-encoding and all. */
  readonly path: string;
  readonly rawQuery: string;
  /** Header lines in order; a name may repeat. */
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly body?: string;
}

function headerMaps(request: HostileRequest) {
  const multi: Record<string, string[]> = Object.create(null);
  for (const [name, value] of request.headers) {
    const values = multi[name] ?? [];
    values.push(value);
    multi[name] = values;
  }
  const single: Record<string, string> = Object.create(null);
  const joined: Record<string, string> = Object.create(null);
  for (const [name, values] of Object.entries(multi)) {
    single[name] = values.at(-1) as string;
    joined[name] = values.join(',');
  }
  return { multi, single, joined };
}

function queryMaps(rawQuery: string) {
  const multi: Record<string, string[]> = Object.create(null);
  for (const [key, value] of Object.entries(parseQueryString(rawQuery))) {
    multi[key] = typeof value === 'string' ? [value] : value;
  }
  const single: Record<string, string> = Object.create(null);
  for (const [key, values] of Object.entries(multi)) single[key] = values.at(-1) as string;
  return { multi, single };
}

/** ALB hands the query over as the client wrote it: split on `&` and `=`, nothing decoded. */
function encodedQueryMaps(rawQuery: string) {
  const multi: Record<string, string[]> = Object.create(null);
  for (const pair of rawQuery.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const key = equals === -1 ? pair : pair.slice(0, equals);
    const values = multi[key] ?? [];
    values.push(equals === -1 ? '' : pair.slice(equals + 1));
    multi[key] = values;
  }
  const single: Record<string, string> = Object.create(null);
  for (const [key, values] of Object.entries(multi)) single[key] = values.at(-1) as string;
  return { multi, single };
}

/**
 * The event `source` would invoke the function with for `request`. HTTP APIs decode the path
 * first (a malformed escape reaches Lambda as it was sent); REST APIs route everything through a
 * `/{proxy+}` resource, so huge paths also become huge greedy parameters.
 */
export function hostileEvent(source: HostileSource, request: HostileRequest): object {
  const headers = headerMaps(request);
  const body = request.body === undefined ? {} : { body: request.body };
  switch (source) {
    case 'apigw-http':
    case 'function-url': {
      const domainName =
        source === 'apigw-http'
          ? 'abc123.execute-api.us-east-1.amazonaws.com'
          : 'abc123.lambda-url.us-east-1.on.aws';
      const rawPath = source === 'apigw-http' ? decodeLikeHttpApi(request.path) : request.path;
      return {
        version: '2.0',
        routeKey: '$default',
        rawPath,
        rawQueryString: request.rawQuery,
        headers: headers.joined,
        requestContext: {
          domainName,
          http: {
            method: request.method,
            path: rawPath,
            protocol: 'HTTP/1.1',
            sourceIp: '192.0.2.1',
          },
          requestId: 'source-id',
          stage: '$default',
        },
        isBase64Encoded: false,
        ...body,
      };
    }
    case 'apigw-rest': {
      const query = queryMaps(request.rawQuery);
      return {
        resource: '/{proxy+}',
        path: request.path,
        httpMethod: request.method,
        headers: headers.single,
        multiValueHeaders: headers.multi,
        queryStringParameters: query.single,
        multiValueQueryStringParameters: query.multi,
        pathParameters: { proxy: decodeLikeHttpApi(request.path.slice(1)) },
        requestContext: {
          domainName: 'abc123.execute-api.us-east-1.amazonaws.com',
          path: `/prod${request.path}`,
          requestId: 'source-id',
          stage: 'prod',
        },
        isBase64Encoded: false,
        ...body,
      };
    }
    case 'alb':
    case 'alb-multi-value': {
      const query = encodedQueryMaps(request.rawQuery);
      const maps =
        source === 'alb'
          ? { headers: headers.single, queryStringParameters: query.single }
          : {
              multiValueHeaders: headers.multi,
              multiValueQueryStringParameters: query.multi,
            };
      return {
        requestContext: { elb: { targetGroupArn: 'arn:aws:elasticloadbalancing:tg' } },
        httpMethod: request.method,
        path: request.path,
        ...maps,
        isBase64Encoded: false,
        ...body,
      };
    }
    /* istanbul ignore next -- exhaustive */
    default:
      return source satisfies never;
  }
}

/** What API Gateway does to a path it decodes: valid escapes decoded, malformed ones kept. */
function decodeLikeHttpApi(path: string): string {
  return path.replace(/(%[0-9a-fA-F]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch (error) {
      if (error instanceof URIError) return run;
      throw error;
    }
  });
}
