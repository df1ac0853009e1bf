/**
 * The response stream Lambda's Node.js runtime hands a streaming handler: a `Writable` whose
 * bytes go to the client as they are written.
 *
 * @example
 * ```ts
 * const write = (stream: LambdaResponseStream) => { stream.write('hello'); stream.end(); };
 * ```
 */
export interface LambdaResponseStream {
  write(chunk: Uint8Array | string): boolean;
  end(): void;
  destroy(error?: Error): void;
  on(event: 'close' | 'drain', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  off(event: 'close' | 'drain', listener: () => void): unknown;
  readonly writableFinished?: boolean;
}

/**
 * The status, headers and cookies a streamed HTTP response starts with.
 *
 * @example
 * ```ts
 * const prelude: HttpPrelude = { statusCode: 200, headers: { 'content-type': 'text/plain' }, cookies: [] };
 * ```
 */
export interface HttpPrelude {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly cookies: readonly string[];
}

/**
 * A handler as `awslambda.streamifyResponse` takes it.
 *
 * @example
 * ```ts
 * const streaming: StreamingHandler = streamingHandlerOf(createHandler(routes));
 * ```
 */
export type StreamingHandler = (
  event: unknown,
  responseStream: LambdaResponseStream,
  context: unknown,
) => Promise<void>;

/**
 * The `awslambda` global of Lambda's Node.js runtime, as far as streaming uses it:
 * `streamifyResponse` marks a handler as streaming, `HttpResponseStream.from` makes the stream
 * write the JSON prelude and 8 NUL bytes before the first body byte.
 *
 * @example
 * ```ts
 * declare const awslambda: AwsLambdaRuntime;
 * export const handler = awslambda.streamifyResponse(streamingHandlerOf(createHandler(routes)));
 * ```
 */
export interface AwsLambdaRuntime {
  streamifyResponse(handler: StreamingHandler): unknown;
  readonly HttpResponseStream: {
    from(stream: LambdaResponseStream, prelude: HttpPrelude): LambdaResponseStream;
  };
}

/** The runtime's `awslambda` global, or `undefined` outside Lambda's Node.js runtime. */
export function lambdaRuntime(): AwsLambdaRuntime | undefined {
  const runtime: unknown = Reflect.get(globalThis, 'awslambda');
  if (typeof runtime !== 'object' || runtime === null) return undefined;
  const from: unknown = Reflect.get(Reflect.get(runtime, 'HttpResponseStream') ?? {}, 'from');
  if (typeof Reflect.get(runtime, 'streamifyResponse') !== 'function') return undefined;
  return typeof from === 'function' ? (runtime as AwsLambdaRuntime) : undefined;
}

/**
 * The environment variable that turns `main.handler` into a streaming handler at init.
 *
 * @example
 * ```ts
 * const environment = { [STREAM_VARIABLE]: '1' }; // LAMBDA_CONTROLLERS_STREAM=1
 * ```
 */
export const STREAM_VARIABLE = 'LAMBDA_CONTROLLERS_STREAM';

/**
 * Whether the environment asks for streaming: `1`, `true` or `on`.
 *
 * @example
 * ```ts
 * if (streamingRequested(process.env)) console.log('main.handler streams');
 * ```
 */
export function streamingRequested(env: Readonly<Record<string, string | undefined>>): boolean {
  return ['1', 'true', 'on'].includes((env[STREAM_VARIABLE] ?? '').toLowerCase());
}
