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
import { type BodyJson, bodyJsonOf } from '../serialization/body-json';
import { collectStream } from '../streaming/collect-stream';
import { type AnsweredEvent, recordHandlerParts } from './answered-event';
import { describeError } from './describe-error';
import { type Answer, dispatch, type PendingAnswer, problemOf } from './dispatch';
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

/** A controller constructed without arguments: what every controller must be without `resolve`. */
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

/** What a problem made while serializing names: the answered event is one. */
interface SerializeContext {
  readonly requestId: string | undefined;
  readonly route: string | null;
}

/** The problem an error while serializing becomes, serialized. */
function failedOutgoing(
  error: unknown,
  method: string,
  context: SerializeContext,
  options: ResolvedOptions,
): OutgoingResponse {
  const { requestId, route } = context;
  return toOutgoingResponse(problemOf(error, options, requestId, route), method);
}

function tooLargeOutgoing(
  size: number,
  source: AnySource,
  method: string,
  context: SerializeContext,
  options: ResolvedOptions,
): OutgoingResponse {
  const error = new InternalServerError(
    `The response body has ${size} bytes; ${source.name} accepts at most ${source.maxResponseBytes}.`,
    { expose: true },
  );
  return failedOutgoing(error, method, context, options);
}

/** A collected (not streamed) response serialized, within the source's size limit. */
function checkedOutgoing(
  response: HttpResponse,
  source: AnySource,
  method: string,
  context: SerializeContext,
  options: ResolvedOptions,
  json: BodyJson,
): OutgoingResponse {
  let outgoing: OutgoingResponse;
  try {
    outgoing = toOutgoingResponse(response, method, json);
  } catch (error) {
    return failedOutgoing(error, method, context, options);
  }
  // A string of n UTF-16 units has at most 3n UTF-8 bytes: most bodies need no count.
  const { body } = outgoing;
  if (body.length * 3 <= source.maxResponseBytes) return outgoing;
  const size = Buffer.byteLength(body);
  return size <= source.maxResponseBytes
    ? outgoing
    : tooLargeOutgoing(size, source, method, context, options);
}

/**
 * The response serialized for `source`; a body it cannot carry becomes a 500 problem. Only a
 * stream body is awaited (collected up to the source's limit): every other answer stays
 * synchronous, and no closure is made per request (the build names each one, which costs).
 */
function serialize(
  response: HttpResponse,
  request: LambdaHttpRequest,
  source: AnySource,
  context: SerializeContext,
  options: ResolvedOptions,
  json: BodyJson,
): OutgoingResponse | Promise<OutgoingResponse> {
  const { method } = request;
  if (response.bodyKind !== 'stream')
    return checkedOutgoing(response, source, method, context, options, json);
  return collectStream(response, method, source.maxResponseBytes).then(
    // Counted while read: the stream stopped at the first chunk past the limit.
    (collected) =>
      collected.kind === 'too-large'
        ? tooLargeOutgoing(collected.bytes, source, method, context, options)
        : checkedOutgoing(collected.response, source, method, context, options, json),
    (error: unknown) => failedOutgoing(error, method, context, options),
  );
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
  // Each route writes its JSON bodies with its own serialize settings; keyed by the route key
  // every answer carries. A response that matched no route is written with the handler's.
  const handlerJson = bodyJsonOf(undefined, resolved.serialize);
  const routeJson = new Map<string | null, BodyJson>(
    table.routes.map((route) => [route.routeKey, bodyJsonOf(route.serialize, resolved.serialize)]),
  );
  const requestOptions = { basePath: resolved.basePath };

  // Reached only by a fault in the framework itself: every controller error is answered.
  const faulted = (
    error: unknown,
    started: number,
    requestId: string | undefined,
    source: AnySource,
    request: LambdaHttpRequest | undefined,
    route: string | null,
  ): AnsweredEvent => {
    logger.error({ message: 'framework error', requestId, error: describeError(error) });
    return { started, requestId, source, request, route, response: undefined };
  };
  const settled = (
    answered: Answer,
    started: number,
    requestId: string | undefined,
    source: AnySource,
    request: LambdaHttpRequest,
  ): AnsweredEvent => {
    const { route } = answered;
    try {
      const response = withCors(answered, request, resolved);
      return { started, requestId, source, request, route, response };
    } catch (error) {
      return faulted(error, started, requestId, source, request, route);
    }
  };
  // The one async step of a request whose route is still running (or that went through
  // middleware): its response, or its error as a problem.
  const settleLater = async (
    pending: PendingAnswer | Promise<Answer>,
    started: number,
    requestId: string | undefined,
    source: AnySource,
    request: LambdaHttpRequest,
  ): Promise<AnsweredEvent> => {
    let answered: Answer;
    try {
      if (pending instanceof Promise) answered = await pending;
      else {
        const { route } = pending;
        try {
          answered = { kind: 'route', response: await pending.response, route };
        } catch (error) {
          answered = {
            kind: 'route',
            response: problemOf(error, resolved, requestId, route),
            route,
          };
        }
      }
    } catch (error) {
      return faulted(error, started, requestId, source, request, null);
    }
    return settled(answered, started, requestId, source, request);
  };
  // The path of every event: detect its source, read it into a request, dispatch it to its
  // route, add CORS; then serialize and write it back in the source's own format (`result`), or
  // stream it (`streamingHandlerOf`). Synchronous until something is awaited (a method's promise,
  // a body to validate): the handler itself is the only async function a plain route passes.
  const answer = (event: unknown, context: unknown): AnsweredEvent | Promise<AnsweredEvent> => {
    // Only the access log reads the clock.
    const started = resolved.accessLog ? performance.now() : 0;
    const requestId = requestIdOf(context);
    let source: AnySource;
    try {
      source = detectEventSource(event);
    } catch (error) {
      if (error instanceof NotAnHttpEventError) logger.error({ message: error.message, requestId });
      throw error;
    }
    let request: LambdaHttpRequest | undefined;
    try {
      request = source.toRequest(event, context as Context, requestOptions);
      const answered =
        pipeline === undefined
          ? dispatch(table, request, resolved, requestId)
          : dispatchThroughMiddleware(table, pipeline, request, resolved, requestId);
      return answered instanceof Promise || answered.kind === 'pending'
        ? settleLater(answered, started, requestId, source, request)
        : settled(answered, started, requestId, source, request);
    } catch (error) {
      return faulted(error, started, requestId, source, request, null);
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
  const write = (answered: AnsweredEvent, event: unknown, outgoing: OutgoingResponse): unknown => {
    const written = answered.source.toResult(outgoing, event, logger);
    logAnswer(answered, outgoing.status);
    return written;
  };
  const fault = (answered: AnsweredEvent, error: unknown): OutgoingResponse => {
    logger.error({
      message: 'framework error',
      requestId: answered.requestId,
      error: describeError(error),
    });
    return lastResort(answered.requestId, answered.request?.method);
  };
  // Synchronous unless the body is a stream to collect (see `serialize`).
  const result = (answered: AnsweredEvent, event: unknown): unknown => {
    const { source, request, requestId, response } = answered;
    if (request === undefined || response === undefined) {
      return write(answered, event, lastResort(requestId, request?.method));
    }
    let outgoing: OutgoingResponse | Promise<OutgoingResponse>;
    try {
      const json = routeJson.get(answered.route) ?? handlerJson;
      outgoing = serialize(response, request, source, answered, resolved, json);
    } catch (error) {
      return write(answered, event, fault(answered, error));
    }
    if (!(outgoing instanceof Promise)) return write(answered, event, outgoing);
    return outgoing.then(
      (collected) => write(answered, event, collected),
      (error: unknown) => write(answered, event, fault(answered, error)),
    );
  };
  const handler = async (event: unknown, context: Context): Promise<unknown> => {
    const answered = answer(event, context);
    return result(answered instanceof Promise ? await answered : answered, event);
  };
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
