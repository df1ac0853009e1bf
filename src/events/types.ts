import type { Context } from 'aws-lambda';
import type { OutgoingResponse } from '../http/response';
import type { Logger } from '../logging/logger';

/**
 * The request every event source is turned into, and what `@Req()` gives a controller.
 *
 * `path` is percent-encoded and has no stage or configured base-path prefix; the router decodes
 * each segment after splitting, so `a%2Fb` binds as one segment `a/b`. REST APIs, ALB and
 * function URLs deliver the client's encoding; HTTP APIs deliver the path already decoded, so
 * their sources re-encode it and an HTTP API request for `/a%2Fb` arrives as two segments.
 */
export interface LambdaHttpRequest {
  /** Upper-case method, e.g. `GET`. */
  readonly method: string;
  /** Path without stage prefix, still percent-encoded, always starting with `/`. */
  readonly path: string;
  /** Header names in lower case; repeated headers joined as the source delivered them. */
  readonly headers: Readonly<Record<string, string>>;
  /** Decoded query parameters; a repeated key gives an array in arrival order. */
  readonly query: Readonly<Record<string, string | string[]>>;
  /** Request cookies by name. */
  readonly cookies: Readonly<Record<string, string>>;
  /** Body bytes (base64 already decoded); `undefined` when the request has none. */
  readonly body: Buffer | undefined;
  /** Client address as the event source reports it. */
  readonly sourceIp: string | undefined;
  /** Request id of API Gateway or the load balancer's trace id, when the event carries one. */
  readonly sourceRequestId: string | undefined;
  /** The Lambda event, untouched. */
  readonly event: unknown;
  /** The Lambda context, untouched. */
  readonly context: Context;
}

/** Options that change how events become requests. */
export interface RequestOptions {
  /** A base path mapped on a custom domain (e.g. `/v1`) to strip from REST payload 1.0 paths. */
  readonly basePath?: string | undefined;
}

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
