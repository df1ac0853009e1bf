import { albSource, isAlbEvent } from './alb';
import { apigwHttpSource, isPayloadV2 } from './apigw-http';
import { apigwRestSource, isPayloadV1 } from './apigw-rest';
import { functionUrlSource } from './function-url';
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
  if (isAlbEvent(event)) return albSource;
  if (functionUrlSource.matches(event)) return functionUrlSource;
  if (isPayloadV2(event)) return apigwHttpSource;
  if (isPayloadV1(event)) return apigwRestSource;
  throw new NotAnHttpEventError(event);
}
