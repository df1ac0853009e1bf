/**
 * Lambda's quota for the payload of a synchronous invocation, the event and the response alike:
 * 6 MB. A response over it fails the invocation; an event over it never reaches the function.
 *
 * @see https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html
 */
export const LAMBDA_SYNC_PAYLOAD_BYTES = 6_291_456;
