import type { ClientRequest } from '../test-request';
import { bodyFields, grouped, rawQueryPairs, serviceHeaders } from './service-headers';

const TARGET_GROUP_ARN =
  'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/test-target-group/0123456789abcdef';
const HOST = 'test-load-balancer-123456789.us-east-1.elb.amazonaws.com';

/**
 * An Application Load Balancer event: the path and query as the client encoded them (a load
 * balancer decodes neither), single-value maps keeping the last value of a repeated name, or,
 * with `multiValue` (`lambda.multi_value_headers.enabled`), every value.
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/lambda-functions.html
 */
export function albEvent(request: ClientRequest, multiValue: boolean): Record<string, unknown> {
  const lines = serviceHeaders(request, HOST);
  if (request.cookies.length > 0) lines.push(['cookie', request.cookies.join('; ')]);
  const query = rawQueryPairs(request.rawQuery);
  const { body, isBase64Encoded } = bodyFields(request);
  const maps = multiValue
    ? { multiValueHeaders: grouped(lines), multiValueQueryStringParameters: grouped(query) }
    : { headers: Object.fromEntries(lines), queryStringParameters: Object.fromEntries(query) };
  return {
    requestContext: { elb: { targetGroupArn: TARGET_GROUP_ARN } },
    httpMethod: request.method,
    path: request.path,
    ...maps,
    // A load balancer sends an empty body rather than none.
    body: body ?? '',
    isBase64Encoded,
  };
}
