import type { Context } from 'aws-lambda';
import type { LambdaHttpRequest } from '../http/request';
import type { OutgoingResponse } from '../http/response';
import type { Logger } from '../logging/logger';

// The contract is stated in HTTP's own request and response models; sources import all three
// from here.
export type { LambdaHttpRequest, OutgoingResponse };

/** Options that change how events become requests. */
export interface RequestOptions {
  /** A base path mapped on a custom domain (e.g. `/v1`) to strip from REST payload 1.0 paths. */
  readonly basePath?: string | undefined;
}

/**
 * The HTTP integrations an event can come from: API Gateway HTTP API (payload 2.0), REST API or
 * payload 1.0, Application Load Balancer, Lambda function URL.
 *
 * @example
 * ```ts
 * const servedBy: EventSourceName = 'apigw-http';
 * ```
 */
export type EventSourceName = 'apigw-http' | 'apigw-rest' | 'alb' | 'function-url';

/**
 * One Lambda HTTP integration: how its events are recognised, read and answered.
 *
 * `toRequest` never throws on a structurally recognised event with odd values (it keeps
 * undecodable text as is); `toResult` always produces the source's full response envelope.
 */
export interface EventSource<E, R> {
  readonly name: EventSourceName;
  /** Largest response this integration passes on (ALB 1 MB, others Lambda's 6 MB). */
  readonly maxResponseBytes: number;
  matches(event: unknown): event is E;
  toRequest(event: E, context: Context, options: RequestOptions): LambdaHttpRequest;
  toResult(response: OutgoingResponse, event: E, logger: Logger): R;
}
