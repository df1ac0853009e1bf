import { albSource } from './alb';
import { apigwHttpSource } from './apigw-http';
import { apigwRestSource, isPayloadV1 } from './apigw-rest';
import { isRecord, own, ownString } from './event-fields';
import { functionUrlSource, isFunctionUrlDomain } from './function-url';
import { NotAnHttpEventError } from './not-an-http-event-error';
import type { EventSource } from './types';

/**
 * Finds the source whose format `event` has, checking structural markers with `Object.hasOwn` in
 * this order:
 *
 * 1. `requestContext.elb` → Application Load Balancer. First, because a load balancer event also
 *    carries `httpMethod` and `path`, so only this key tells it from payload 1.0.
 * 2. `version: "2.0"` and `requestContext.http`, with a `<url-id>.lambda-url.<region>.on.aws`
 *    domain → function URL. Before HTTP APIs, because both use payload 2.0 and only the host
 *    differs.
 * 3. `version: "2.0"` and `requestContext.http` → HTTP API payload 2.0. `rawPath` alone is not
 *    used: honojs/hono#5033 misread payload 1.0 events that way.
 * 4. `httpMethod`, `resource` and `requestContext` (without `elb`), `version` absent or `"1.0"` →
 *    REST API or HTTP API payload 1.0.
 *
 * Anything else (SQS `Records`, EventBridge, `{}`, `null`, strings, arrays) is refused rather than
 * read by a default source.
 *
 * @param event - The event Lambda passed to the handler.
 * @returns The matching source; its `toRequest` and `toResult` accept this event.
 * @throws {NotAnHttpEventError} When no source recognises the event.
 * @example
 * ```ts
 * const source = detectEventSource(event);
 * const request = source.toRequest(event, context, {});
 * ```
 */
export function detectEventSource(event: unknown): EventSource<unknown, unknown> {
  // The same checks as each source's `matches`, with `requestContext` read once: this runs on
  // every invocation.
  const requestContext = own(event, 'requestContext');
  if (isRecord(requestContext)) {
    if (Object.hasOwn(requestContext, 'elb')) return albSource;
    if (own(event, 'version') === '2.0' && isRecord(own(requestContext, 'http'))) {
      return isFunctionUrlDomain(ownString(requestContext, 'domainName'))
        ? functionUrlSource
        : apigwHttpSource;
    }
  }
  if (isPayloadV1(event)) return apigwRestSource;
  throw new NotAnHttpEventError(event);
}
