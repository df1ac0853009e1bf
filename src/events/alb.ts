import type { ALBEvent, ALBResult, Context } from 'aws-lambda';
import { setEntry } from '../http/headers';
import type { OutgoingResponse } from '../http/response';
import { reasonPhrase } from '../http/status';
import type { Logger } from '../logging/logger';
import { isRecord, own, ownString } from './event-fields';
import { EventRequest } from './event-request';
import { multiValueParts } from './multi-value-parts';
import type { EventSource, LambdaHttpRequest } from './types';

/** "The maximum size of the response JSON that the Lambda function can send is 1 MB." */
const ALB_RESPONSE_BYTES = 1_048_576;

/**
 * Whether `event` comes from an Application Load Balancer: `requestContext.elb` is the one key
 * only load balancer events carry (they have `httpMethod` and `path` like payload 1.0, but no
 * `resource`).
 *
 * @param event - Any Lambda event.
 * @returns `true` for load balancer events, in either header mode.
 */
export function isAlbEvent(event: unknown): event is ALBEvent {
  const requestContext = own(event, 'requestContext');
  return isRecord(requestContext) && Object.hasOwn(requestContext, 'elb');
}

/**
 * Whether the target group has multi-value headers enabled. The load balancer then sends
 * `multiValueHeaders` instead of `headers`, and requires the response to use `multiValueHeaders`
 * too ("You must use multiValueHeaders if you have enabled multi-value headers and headers
 * otherwise").
 */
function isMultiValue(event: unknown): boolean {
  return isRecord(own(event, 'multiValueHeaders'));
}

/**
 * The load balancer's headers, query and body: "If the query parameters are URL-encoded, the load
 * balancer does not decode them."
 */
const ALB_PARTS = multiValueParts('encoded');

/** Reads a load balancer event into a request; its ids are headers, so those are read at once. */
function toRequest(event: unknown, context: Context): LambdaHttpRequest {
  const headers = ALB_PARTS.headers(event);
  return new EventRequest(
    {
      method: ownString(event, 'httpMethod'),
      path: ownString(event, 'path'),
      // The load balancer appends the address it received the connection from to
      // X-Forwarded-For; every earlier entry is whatever the client chose to send.
      sourceIp: headers['x-forwarded-for']?.split(',').at(-1)?.trim(),
      sourceRequestId: headers['x-amzn-trace-id'],
      headers,
      event,
      context,
    },
    ALB_PARTS,
  );
}

function toResult(response: OutgoingResponse, event: unknown, logger: Logger): ALBResult {
  const common = {
    statusCode: response.status,
    // "The statusDescription header must contain the status code and reason phrase, separated
    // by a single space."
    statusDescription: `${response.status} ${reasonPhrase(response.status)}`,
    body: response.body,
    isBase64Encoded: response.isBase64Encoded,
  };
  if (isMultiValue(event)) {
    const multiValueHeaders: Record<string, string[]> = {};
    for (const name of Object.keys(response.headers)) {
      setEntry(multiValueHeaders, name, [...(response.headers[name] ?? [])]);
    }
    if (response.cookies.length > 0) multiValueHeaders['set-cookie'] = [...response.cookies];
    return { ...common, multiValueHeaders };
  }
  const headers: Record<string, string> = {};
  for (const name of Object.keys(response.headers)) {
    setEntry(headers, name, (response.headers[name] ?? []).join(', '));
  }
  const [firstCookie, ...dropped] = response.cookies;
  if (firstCookie !== undefined) headers['set-cookie'] = firstCookie;
  if (dropped.length > 0) {
    logger.warn({
      message:
        'ALB single-value headers carry one Set-Cookie; sent the first and dropped the rest. ' +
        'Enable lambda.multi_value_headers.enabled on the target group to send all of them.',
      droppedSetCookies: dropped.length,
    });
  }
  return { ...common, headers };
}

/**
 * Application Load Balancer with a Lambda target group, single-value or multi-value headers.
 *
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/lambda-functions.html
 */
export const albSource: EventSource<ALBEvent, ALBResult> = {
  name: 'alb',
  maxResponseBytes: ALB_RESPONSE_BYTES,
  matches: isAlbEvent,
  toRequest: (event, context) => toRequest(event, context),
  toResult,
};
