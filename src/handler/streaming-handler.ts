import { DEFAULT_CONTENT_TYPE, type HttpResponse, toOutgoingResponse } from '../http/response';
import { isNullBodyStatus } from '../http/status';
import type {
  AwsLambdaRuntime,
  HttpPrelude,
  LambdaResponseStream,
  StreamingHandler,
} from '../streaming/lambda-runtime';
import { lambdaRuntime } from '../streaming/lambda-runtime';
import { sourceStreams, streamedFormOf } from '../streaming/prelude';
import { cancelStream, streamChunks } from '../streaming/stream-chunks';
import type { AnsweredEvent, HandlerParts } from './answered-event';
import { handlerPartsOf } from './answered-event';
import type { LambdaHandler } from './create-handler';
import { describeError } from './describe-error';

/** The stream as the client sees it: closed early by the client, or by us. */
function watch(stream: LambdaResponseStream): {
  readonly closed: Promise<void>;
  isClosed(): boolean;
} {
  let closed = false;
  let signal: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => {
    signal = resolve;
  });
  const close = () => {
    closed = true;
    signal();
  };
  stream.on('close', close);
  // A write to a connection the client dropped fails: that, too, is the client going away.
  stream.on('error', close);
  return { closed: promise, isClosed: () => closed };
}

function write(
  stream: LambdaResponseStream,
  prelude: HttpPrelude,
  body: Uint8Array,
  runtime: AwsLambdaRuntime,
): void {
  const http = runtime.HttpResponseStream.from(stream, prelude);
  // Even an empty body is written: the runtime sends the prelude on the first write only, and a
  // status or headers must never be lost for want of a body byte.
  http.write(body);
  http.end();
}

function headOf(response: HttpResponse): HttpPrelude {
  const headers: Record<string, string> = {
    'content-type': DEFAULT_CONTENT_TYPE.stream,
  };
  for (const [name, values] of Object.entries(response.headers)) headers[name] = values.join(', ');
  return { statusCode: response.status, headers, cookies: response.cookies };
}

/** Waits until the stream can take more, or is closed. */
async function drained(stream: LambdaResponseStream, closed: Promise<void>): Promise<void> {
  let onDrain: () => void = () => undefined;
  const drain = new Promise<void>((resolve) => {
    onDrain = resolve;
    stream.on('drain', onDrain);
  });
  await Promise.race([drain, closed]);
  stream.off('drain', onDrain);
}

async function streamBody(
  parts: HandlerParts,
  answered: AnsweredEvent,
  response: HttpResponse,
  stream: LambdaResponseStream,
  runtime: AwsLambdaRuntime,
): Promise<number> {
  const { requestId, route, request } = answered;
  const body = response.body as AsyncIterable<unknown>;
  if (request?.method === 'HEAD' || isNullBodyStatus(response.status)) {
    await cancelStream(body);
    write(stream, headOf(response), new Uint8Array(0), runtime);
    return response.status;
  }
  const chunks = streamChunks(body);
  let first: IteratorResult<Uint8Array>;
  try {
    first = await chunks.next();
  } catch (error) {
    // Nothing was sent yet: the client gets a problem, as for any other failure.
    const problem = toOutgoingResponse(parts.problem(error, answered), request?.method ?? 'GET');
    const bytes = Buffer.from(problem.body, problem.isBase64Encoded ? 'base64' : 'utf8');
    const headers = Object.fromEntries(
      Object.entries(problem.headers).map(([name, values]) => [name, values.join(', ')]),
    );
    write(
      stream,
      { statusCode: problem.status, headers, cookies: problem.cookies },
      bytes,
      runtime,
    );
    return problem.status;
  }
  const client = watch(stream);
  const http = runtime.HttpResponseStream.from(stream, headOf(response));
  if (first.done === true) {
    http.write(new Uint8Array(0));
    http.end();
    return response.status;
  }
  try {
    let next: IteratorResult<Uint8Array> = first;
    while (next.done !== true) {
      if (!http.write(next.value)) await drained(http, client.closed);
      if (client.isClosed()) break;
      const pending = chunks.next();
      const raced = await Promise.race([pending, client.closed.then(() => undefined)]);
      if (raced === undefined) {
        // The client went away while the producer was working: stop it once it yields.
        void pending.then(
          () => chunks.return(undefined),
          () => undefined,
        );
        break;
      }
      next = raced;
    }
    if (client.isClosed()) {
      await chunks.return(undefined);
      parts.logger.info({ message: 'client closed the stream', requestId, route });
      return response.status;
    }
    http.end();
  } catch (error) {
    // The status is sent already: all that is left is to end the stream where it broke.
    parts.logger.error({
      message: 'stream failed after its first chunk',
      requestId,
      route,
      error: describeError(error),
    });
    http.destroy(error instanceof Error ? error : new Error(String(error)));
  }
  return response.status;
}

/**
 * The streaming form of a handler `createHandler` made, as `awslambda.streamifyResponse` takes
 * it. Function URLs and REST APIs get the status, headers and cookies first, then each chunk of a
 * stream body as it is produced; any other answer is written whole in the same form. HTTP APIs
 * and ALB, which do not stream, get their ordinary result.
 *
 * @param handler - A handler from `createHandler`.
 * @param runtime - The runtime's `awslambda` global. @defaultValue the global itself
 * @returns `(event, responseStream, context) => Promise<void>`.
 * @throws TypeError when `handler` was not made by `createHandler`, or outside the Lambda runtime.
 * @example
 * ```ts
 * export const handler = awslambda.streamifyResponse(streamingHandlerOf(createHandler(routes)));
 * ```
 */
export function streamingHandlerOf(
  handler: LambdaHandler,
  runtime: AwsLambdaRuntime | undefined = lambdaRuntime(),
): StreamingHandler {
  const parts = handlerPartsOf(handler);
  if (parts === undefined) {
    throw new TypeError('streamingHandlerOf takes a handler made by createHandler.');
  }
  if (runtime === undefined) {
    throw new TypeError(
      'Streaming needs the awslambda global of the Lambda Node.js runtime, which is not here.',
    );
  }
  return async (event, responseStream, context) => {
    const answered = await parts.answer(event, context);
    const { response, source } = answered;
    if (!sourceStreams(source.name, event)) {
      // A buffering integration invoked a streaming function: the bytes written are the payload.
      responseStream.write(JSON.stringify(await parts.result(answered, event)));
      responseStream.end();
      return;
    }
    if (response?.bodyKind !== 'stream') {
      const { prelude, body } = streamedFormOf(await parts.result(answered, event));
      write(responseStream, prelude, body, runtime);
      return;
    }
    const status = await streamBody(parts, answered, response, responseStream, runtime);
    parts.logAnswer(answered, status);
  };
}

/**
 * A handler `createHandler` made, turned into a streaming one with the runtime's
 * `awslambda.streamifyResponse`. Give it to Lambda as the handler of a function URL with
 * `RESPONSE_STREAM` invoke mode or a REST API integration with `responseTransferMode: STREAM`.
 *
 * @param handler - A handler from `createHandler`.
 * @returns What `awslambda.streamifyResponse` returns.
 * @throws TypeError outside Lambda's Node.js runtime (no `awslambda` global).
 * @example
 * ```ts
 * export const handler = streamifyHandler(createHandler([ExportController]));
 * ```
 */
export function streamifyHandler(handler: LambdaHandler): unknown {
  const runtime = lambdaRuntime();
  const streaming = streamingHandlerOf(handler, runtime);
  return (runtime as AwsLambdaRuntime).streamifyResponse(streaming);
}
