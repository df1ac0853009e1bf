/** Messages between a `FunctionProcess` and its worker, over Node's IPC channel. */

import type { PathSegment } from '../routing/path-pattern';

/** The part of the Lambda context that crosses the process boundary. */
export interface InvokeContext {
  readonly awsRequestId: string;
  readonly functionName: string;
  readonly functionVersion: string;
  readonly memoryLimitInMB: string;
  readonly invokedFunctionArn: string;
  readonly logGroupName: string;
  readonly logStreamName: string;
  /** Epoch milliseconds at which the invocation times out. */
  readonly deadlineMs: number;
}

/** Where the bytes of a streamed invocation go as they arrive, and how its client leaves. */
export interface StreamSink {
  onChunk(contentType: string, bytes: Buffer): void;
  /** Aborted when the client went away: the worker closes the response stream. */
  readonly signal?: AbortSignal;
}

export interface InvokeMessage {
  readonly type: 'invoke';
  readonly id: number;
  /** The event, JSON-encoded as Lambda delivers it. */
  readonly event: string;
  readonly context: InvokeContext;
}

/** The client of a streamed invocation went away: the worker closes its response stream. */
export interface AbortMessage {
  readonly type: 'abort';
  readonly id: number;
}

/** An error as the Lambda runtime reports it. */
export interface RuntimeError {
  readonly errorType: string;
  readonly errorMessage: string;
  readonly stack: readonly string[];
}

export type WorkerMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'init-error'; readonly error: RuntimeError }
  | { readonly type: 'result'; readonly id: number; readonly payload: string }
  /** Bytes a streaming handler wrote, base64, with the stream's content type at that moment. */
  | {
      readonly type: 'chunk';
      readonly id: number;
      readonly contentType: string;
      readonly data: string;
    }
  | { readonly type: 'error'; readonly id: number; readonly error: RuntimeError };

/** Describes a thrown value the way the Node.js runtime does in its error responses. */
export function toRuntimeError(thrown: unknown, fallbackType: string): RuntimeError {
  if (thrown instanceof Error) {
    return {
      errorType: thrown.name || fallbackType,
      errorMessage: thrown.message,
      stack: (thrown.stack ?? '').split('\n'),
    };
  }
  return { errorType: fallbackType, errorMessage: String(thrown), stack: [] };
}

/** A route as `buildRouteTable` declares it: `GET` and `/users/{id}`. */
export interface RouteKey {
  readonly method: string;
  readonly path: string;
  /** The template as the route table parsed it. */
  readonly segments: readonly PathSegment[];
}

/** The route reader's argument that asks it for the OpenAPI document too. */
export const OPENAPI_FLAG = '--openapi';

/** What the route reader (`describe-routes.ts`) reports before it exits. */
export type DescribeMessage =
  | {
      readonly type: 'routes';
      readonly routes: readonly RouteKey[];
      /** The OpenAPI document of the routes, or the reason it could not be built. */
      readonly openapi: { readonly document: unknown } | { readonly error: string };
    }
  | { readonly type: 'routes-error'; readonly error: RuntimeError };
