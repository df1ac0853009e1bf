import { quoteInput } from '../http/echo-input';

/** How many top-level keys the message lists before summarising the rest. */
const LISTED_KEYS = 20;

/**
 * Thrown when an event is not one of the HTTP integrations the framework serves (API Gateway REST
 * or HTTP API, Application Load Balancer, Lambda function URL), e.g. an SQS or EventBridge event
 * sent to the same function.
 *
 * The message names the event's top-level keys (or its type when it is not an object), never its
 * values, so it can be logged without leaking payload data.
 *
 * @example
 * ```ts
 * await handler({ Records: [] }, context); // rejects with NotAnHttpEventError
 * ```
 */
export class NotAnHttpEventError extends Error {
  override readonly name = 'NotAnHttpEventError';

  /**
   * @param event - The event that matched no source.
   */
  constructor(event: unknown) {
    super(
      'Not an HTTP event: expected an API Gateway (REST or HTTP API), Application Load Balancer ' +
        `or Lambda function URL event, got ${describe(event)}`,
    );
  }
}

function describe(event: unknown): string {
  if (event === null) return 'null';
  if (Array.isArray(event)) return `an array of length ${event.length}`;
  if (typeof event !== 'object') return `a value of type ${typeof event}`;
  const keys = Object.keys(event);
  if (keys.length === 0) return 'an object with no keys';
  const listed = `[${keys
    .slice(0, LISTED_KEYS)
    .map((key) => quoteInput(key))
    .join(',')}]`;
  const more = keys.length > LISTED_KEYS ? ` and ${keys.length - LISTED_KEYS} more` : '';
  return `an object with keys ${listed}${more}`;
}
