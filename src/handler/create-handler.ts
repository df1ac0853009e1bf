import type { Context } from 'aws-lambda';
import { InternalServerError } from '../errors/http-error';
import { PROBLEM_CONTENT_TYPE } from '../errors/problem';
import { detectEventSource } from '../events/detect';
import { NotAnHttpEventError } from '../events/not-an-http-event-error';
import type { EventSource, LambdaHttpRequest } from '../events/types';
import { truncateInput } from '../http/echo-input';
import { type HttpResponse, type OutgoingResponse, toOutgoingResponse } from '../http/response';
import { logRequest } from '../logging/access-log';
import type { ControllerResolver } from '../routing/instantiate-controller';
import { buildRouteTable, type Controller } from '../routing/route-table';
import { recordServedRoutes } from '../routing/served-routes';
import { collectStream } from '../streaming/collect-stream';
import { type AnsweredEvent, recordHandlerParts } from './answered-event';
import { describeError } from './describe-error';
import { type Answer, dispatch, problemOf } from './dispatch';
import { buildMiddlewarePipeline, dispatchThroughMiddleware } from './middleware-dispatch';
import { type HandlerOptions, type ResolvedOptions, resolveOptions } from './options';

/**
 * A Lambda handler for HTTP events: `(event, context) => Promise<result>`, as `createHandler`
 * returns it.
 *
 * @example
 * ```ts
 * export const handler: LambdaHandler = createHandler(UsersController);
 * ```
 */
export type LambdaHandler = (event: unknown, context: Context) => Promise<unknown>;

type AnySource = EventSource<unknown, unknown>;

/** A controller constructed without arguments: any controller, when there is no `resolve`. */
type PlainController = new () => object;

/** Enough of a path to find the request in the logs; a longer one is cut (a log line has a cap). */
const ACCESS_LOG_PATH_LIMIT = 1_000;

function requestIdOf(context: unknown): string | undefined {
  if (typeof context !== 'object' || context === null) return undefined;
  const id: unknown = Reflect.get(context, 'awsRequestId');
  return typeof id === 'string' ? id : undefined;
}

/**
 * The CORS step: preflight headers on the framework's own OPTIONS answer, response headers on
 * every other answer, except a 404 to OPTIONS, which no browser treats as a preflight.
 */
function withCors(
  answer: Answer,
  request: LambdaHttpRequest,
  options: ResolvedOptions,
): HttpResponse {
  const { cors } = options;
  if (cors === undefined) return answer.response;
  if (answer.kind === 'options') return cors.preflight(answer.response, request.headers);
  if (request.method === 'OPTIONS' && answer.route === null) return answer.response;
  return cors.decorate(answer.response, request.headers['origin']);
}

/**
 * The response serialized for `source`, a stream body collected first; a body it cannot carry
 * (or a stream that fails while it is read) becomes a 500 problem.
 */
async function serialize(
  response: HttpResponse,
  request: LambdaHttpRequest,
  source: AnySource,
  context: {
    readonly options: ResolvedOptions;
    readonly requestId: string | undefined;
    readonly route: string | null;
  },
): Promise<OutgoingResponse> {
  const { options, requestId, route } = context;
  const tooLarge = (size: number) =>
    toOutgoingResponse(
      problemOf(
        new InternalServerError(
          `The response body has ${size} bytes; ${source.name} accepts at most ${source.maxResponseBytes}.`,
          { expose: true },
        ),
        options,
        requestId,
        route,
      ),
      request.method,
    );
  let outgoing: OutgoingResponse;
  try {
    const collected = await collectStream(response, request.method, source.maxResponseBytes);
    // Counted while read: the stream stopped at the first chunk past the limit.
    if (collected.kind === 'too-large') return tooLarge(collected.bytes);
    outgoing = toOutgoingResponse(collected.response, request.method);
  } catch (error) {
    return toOutgoingResponse(problemOf(error, options, requestId, route), request.method);
  }
  const size = Buffer.byteLength(outgoing.body);
  return size <= source.maxResponseBytes ? outgoing : tooLarge(size);
}

/**
 * The answer when the framework itself failed (reading the event or building the response), so
 * the client still gets a valid problem with the request id. Built from plain values only: it
 * must not fail the way the normal path just did.
 */
function lastResort(requestId: string | undefined, method: string | undefined): OutgoingResponse {
  const problem = { type: 'about:blank', title: 'Internal Server Error', status: 500, requestId };
  return {
    status: 500,
    headers: { 'content-type': [PROBLEM_CONTENT_TYPE] },
    cookies: [],
    body: method === 'HEAD' ? '' : JSON.stringify(problem),
    isBase64Encoded: false,
  };
}

/**
 * Creates a Lambda handler serving the routes of one or more decorated controller classes, for
 * API Gateway HTTP APIs (payload 2.0 and 1.0), REST APIs, Application Load Balancers and function
 * URLs. The route table is built now, once (each controller is constructed once, by the
 * `resolve` option when given); every invocation reuses it.
 *
 * @param routes - A controller class or an array of them; classes whose constructor takes
 * arguments need the `resolve` option.
 * @param options - CORS, body size limit, base path, logging, validator settings, global
 * middleware and how controllers are constructed.
 * @returns An `async (event, context)` handler. It rejects only for events that are not HTTP
 * events (`NotAnHttpEventError`), so an SQS or scheduled invocation fails instead of being lost.
 * @throws RoutesModuleError, RouteDefinitionError or HandlerOptionsError when the controllers or
 * options cannot work (also for a value that is not a class, which TypeScript refuses already).
 * @example
 * ```ts
 * export const handler = createHandler([UsersController], { cors: { origins: ['https://app.example.com'] } });
 * ```
 */
export function createHandler(
  routes: PlainController | readonly PlainController[],
  options?: HandlerOptions,
): LambdaHandler;
export function createHandler(
  routes: Controller | readonly Controller[],
  options: HandlerOptions & { readonly resolve: ControllerResolver },
): LambdaHandler;
export function createHandler(
  routes: Controller | readonly Controller[],
  options?: HandlerOptions,
): LambdaHandler {
  const resolved = resolveOptions(options);
  const table = buildRouteTable(routes, resolved.resolve);
  const pipeline = buildMiddlewarePipeline(table, resolved);
  const { logger } = resolved;

  // The path of every event: detect its source, read it into a request, dispatch it to its
  // route, add CORS; then serialize and write it back in the source's own format (`result`), or
  // stream it (`streamingHandlerOf`).
  const answer = async (event: unknown, context: unknown): Promise<AnsweredEvent> => {
    const started = performance.now();
    const requestId = requestIdOf(context);
    let source: AnySource;
    try {
      source = detectEventSource(event);
    } catch (error) {
      if (error instanceof NotAnHttpEventError) logger.error({ message: error.message, requestId });
      throw error;
    }
    let request: LambdaHttpRequest | undefined;
    let route: string | null = null;
    try {
      request = source.toRequest(event, context as Context, { basePath: resolved.basePath });
      const answered =
        pipeline === undefined
          ? await dispatch(table, request, resolved, requestId)
          : await dispatchThroughMiddleware(table, pipeline, request, resolved, requestId);
      route = answered.route;
      const response = withCors(answered, request, resolved);
      return { started, requestId, source, request, route, response };
    } catch (error) {
      // Reached only by a fault in the framework itself: every controller error is answered above.
      logger.error({ message: 'framework error', requestId, error: describeError(error) });
      return { started, requestId, source, request, route, response: undefined };
    }
  };
  const logAnswer = (answered: AnsweredEvent, status: number): void => {
    if (!resolved.accessLog) return;
    const { request, route, started, requestId } = answered;
    logRequest(logger, {
      method: truncateInput(request?.method ?? 'UNKNOWN'),
      path: truncateInput(request?.path ?? '', ACCESS_LOG_PATH_LIMIT),
      route,
      status,
      durationMs: performance.now() - started,
      requestId,
      sourceRequestId:
        request?.sourceRequestId === undefined ? undefined : truncateInput(request.sourceRequestId),
    });
  };
  const result = async (answered: AnsweredEvent, event: unknown): Promise<unknown> => {
    const { source, request, requestId, route, response } = answered;
    let outgoing: OutgoingResponse;
    try {
      outgoing =
        request === undefined || response === undefined
          ? lastResort(requestId, request?.method)
          : await serialize(response, request, source, { options: resolved, requestId, route });
    } catch (error) {
      logger.error({ message: 'framework error', requestId, error: describeError(error) });
      outgoing = lastResort(requestId, request?.method);
    }
    const written = source.toResult(outgoing, event, logger);
    logAnswer(answered, outgoing.status);
    return written;
  };
  const handler = async (event: unknown, context: Context): Promise<unknown> =>
    result(await answer(event, context), event);
  recordHandlerParts(handler, {
    answer,
    result,
    problem: (error, answered) => problemOf(error, resolved, answered.requestId, answered.route),
    logAnswer,
    logger,
  });
  recordServedRoutes(handler, {
    routes: table.routes,
    validator: resolved.validator,
    maxBodyBytes: resolved.maxBodyBytes,
    serialize: resolved.serialize,
  });
  return handler;
}
