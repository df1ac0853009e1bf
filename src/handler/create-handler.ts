import type { Context } from 'aws-lambda';
import {
  HttpError,
  InternalServerError,
  MethodNotAllowedError,
  NotFoundError,
} from '../errors/http-error';
import { toProblem } from '../errors/problem';
import { detectEventSource } from '../events/detect';
import { NotAnHttpEventError } from '../events/not-an-http-event-error';
import type { EventSource, LambdaHttpRequest, OutgoingResponse } from '../events/types';
import { HttpResponse, toOutgoingResponse } from '../http/response';
import { logRequest } from '../logging/access-log';
import { buildRouteTable, type Controller, type RouteTable } from '../routing/route-table';
import { recordServedRoutes } from '../routing/served-routes';
import { describeError } from './describe-error';
import { invokeRoute } from './invoke-route';
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

/** Used when even building an error response failed, so the client still gets a valid answer. */
const LAST_RESORT: OutgoingResponse = {
  status: 500,
  headers: { 'content-type': ['application/problem+json'] },
  cookies: [],
  body: '{"type":"about:blank","title":"Internal Server Error","status":500}',
  isBase64Encoded: false,
};

function requestIdOf(context: unknown): string | undefined {
  if (typeof context !== 'object' || context === null) return undefined;
  const id: unknown = Reflect.get(context, 'awsRequestId');
  return typeof id === 'string' ? id : undefined;
}

interface Answer {
  readonly response: HttpResponse;
  readonly route: string | null;
}

class Dispatcher {
  constructor(
    readonly table: RouteTable,
    readonly options: ResolvedOptions,
  ) {}

  async answer(request: LambdaHttpRequest, requestId: string | undefined): Promise<Answer> {
    const match = this.table.match(request.method, request.path);
    let answer: Answer;
    if (match.kind === 'found') {
      const route = match.value;
      try {
        answer = {
          response: await invokeRoute(route, request, match.params, this.options),
          route: route.routeKey,
        };
      } catch (error) {
        answer = {
          response: this.problem(error, requestId, route.routeKey),
          route: route.routeKey,
        };
      }
    } else if (match.kind === 'method-not-allowed') {
      answer = { response: this.notAllowed(request, match.allow, requestId), route: null };
    } else {
      const notFound = new NotFoundError(`No route matches ${request.method} ${request.path}.`);
      answer = { response: toProblem(notFound, requestId), route: null };
    }
    return this.withCors(answer, request);
  }

  notAllowed(
    request: LambdaHttpRequest,
    allow: readonly string[],
    requestId: string | undefined,
  ): HttpResponse {
    const allowHeader = allow.join(', ');
    if (request.method !== 'OPTIONS') {
      const error = new MethodNotAllowedError(
        `${request.method} is not allowed on ${request.path}.`,
        {
          headers: { allow: allowHeader },
        },
      );
      return toProblem(error, requestId);
    }
    const origin = request.headers['origin'];
    const isPreflight =
      origin !== undefined && request.headers['access-control-request-method'] !== undefined;
    const cors =
      isPreflight && this.options.cors !== undefined
        ? this.options.cors.preflightHeaders(
            origin,
            request.headers['access-control-request-headers'],
            allow,
          )
        : {};
    return new HttpResponse({ status: 204, headers: { allow: allowHeader, ...cors } });
  }

  withCors(answer: Answer, request: LambdaHttpRequest): Answer {
    const origin = request.headers['origin'];
    const { cors } = this.options;
    const isPreflightAnswer = request.method === 'OPTIONS' && answer.route === null;
    if (cors === undefined || origin === undefined || isPreflightAnswer) return answer;
    const { status, headers, cookies, body } = answer.response;
    const merged = new HttpResponse({
      status,
      headers: { ...headers, ...cors.responseHeaders(origin) },
      cookies,
      body,
    });
    return { response: merged, route: answer.route };
  }

  problem(error: unknown, requestId: string | undefined, route: string | null): HttpResponse {
    const status = error instanceof HttpError ? error.status : 500;
    if (status >= 500) {
      this.options.logger.error({
        message: 'request failed',
        requestId,
        route,
        error: describeError(error),
      });
    }
    return toProblem(error, requestId);
  }

  /** Serializes the response for the source; a body it cannot carry becomes a 500 problem. */
  serialize(
    answer: Answer,
    request: LambdaHttpRequest,
    source: AnySource,
    requestId: string | undefined,
  ): OutgoingResponse {
    let outgoing: OutgoingResponse;
    try {
      outgoing = toOutgoingResponse(answer.response, request.method);
    } catch (error) {
      return toOutgoingResponse(this.problem(error, requestId, answer.route), request.method);
    }
    const size = Buffer.byteLength(outgoing.body);
    if (size <= source.maxResponseBytes) return outgoing;
    const tooLarge = new InternalServerError(
      `The response body has ${size} bytes; ${source.name} accepts at most ${source.maxResponseBytes}.`,
      { expose: true },
    );
    return toOutgoingResponse(this.problem(tooLarge, requestId, answer.route), request.method);
  }
}

/**
 * Creates a Lambda handler serving the routes of one or more decorated controller classes, for
 * API Gateway HTTP APIs (payload 2.0 and 1.0), REST APIs, Application Load Balancers and function
 * URLs. The route table is built now, once (each controller is constructed once); every
 * invocation reuses it.
 *
 * @param routes - A controller class or an array of them.
 * @param options - CORS, body size limit, base path, logging and validator settings.
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
  routes: Controller | readonly Controller[],
  options?: HandlerOptions,
): LambdaHandler {
  const resolved = resolveOptions(options);
  const table = buildRouteTable(routes);
  const dispatcher = new Dispatcher(table, resolved);
  const { logger } = resolved;

  const handler = async (event: unknown, context: Context): Promise<unknown> => {
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
    let outgoing: OutgoingResponse;
    let route: string | null = null;
    try {
      request = source.toRequest(event, context, { basePath: resolved.basePath });
      const answer = await dispatcher.answer(request, requestId);
      route = answer.route;
      outgoing = dispatcher.serialize(answer, request, source, requestId);
    } catch (error) {
      // Reached only by a fault in the framework itself: every controller error is answered above.
      logger.error({ message: 'framework error', requestId, error: describeError(error) });
      outgoing = LAST_RESORT;
    }
    const result = source.toResult(outgoing, event, logger);
    if (resolved.accessLog) {
      logRequest(logger, {
        method: request?.method ?? 'UNKNOWN',
        path: request?.path ?? '',
        route,
        status: outgoing.status,
        durationMs: performance.now() - started,
        requestId,
        sourceRequestId: request?.sourceRequestId,
      });
    }
    return result;
  };
  recordServedRoutes(handler, {
    routes: table.routes,
    validator: resolved.validator,
    maxBodyBytes: resolved.maxBodyBytes,
  });
  return handler;
}
