import { randomUUID } from 'node:crypto';
import {
  createServer,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import { LAMBDA_SYNC_PAYLOAD_BYTES } from '../events/lambda-limits';
import { apiDocsAnswer } from './api-docs';
import {
  type LocalApi,
  newApiRequestId,
  pathWithoutStage,
  splitTarget,
  toHttpApiEvent,
} from './http-to-event';
import type { AuthorizerDecision } from './local-authorizer';
import { formatLogLine } from './log-line';
import { answerFor, gatewayAnswer, type HttpAnswer } from './result-to-http';
import type { RouteKeys } from './route-keys';
import { StreamedResponse, toFunctionUrlEvent } from './stream-to-http';
import type { InvokeOutcome } from './worker-pool';
import type { StreamSink } from './worker-protocol';

/** HTTP APIs refuse request payloads over 10 MB. */
export const MAX_REQUEST_BYTES = 10 * 1024 * 1024;
/** Lambda refuses synchronous invocation payloads over 6 MB. */
export const MAX_EVENT_BYTES = LAMBDA_SYNC_PAYLOAD_BYTES;

export interface LocalServerOptions {
  /** The API it stands in for; the port comes from each connection. */
  readonly api: Omit<LocalApi, 'port'>;
  /** Runs one event through the function (see `WorkerPool.invoke`). */
  readonly invoke: (
    event: unknown,
    awsRequestId: string,
    sink?: StreamSink,
  ) => Promise<InvokeOutcome>;
  /** `--stream`: function URL events, and responses written as the function streams them. */
  readonly stream?: boolean;
  /**
   * The JWT authorizer API Gateway puts on the function's protected routes, given the matched
   * route key and the `Authorization` header; without it every route is public.
   */
  readonly authorize?: (
    routeKey: string,
    authorization: string | undefined,
  ) => Promise<AuthorizerDecision>;
  /** The declared routes; read per request, since `--watch` replaces them. */
  readonly routes: () => RouteKeys;
  /**
   * With `--openapi`, the document `GET /openapi.json` answers (read per request, since `--watch`
   * replaces it); `undefined` leaves that path to the function, as the deployed API does.
   */
  readonly openapi: (() => { readonly document: unknown } | { readonly error: string }) | undefined;
  /** With `--docs`, `/docs/` serves the interactive API reference of that document. */
  readonly docs?: boolean;
  /** Writes one finished log line. */
  readonly log: (line: string) => void;
  readonly colour: boolean;
}

interface Reply {
  readonly answer: HttpAnswer;
  readonly requestId: string;
  readonly note?: string | undefined;
  /** Already written to the client, chunk by chunk. */
  readonly streamed?: boolean;
}

/** The body, or `undefined` when it is larger than `limit` (the rest is drained, not kept). */
async function readBody(request: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += bytes.length;
    if (size <= limit) chunks.push(bytes);
  }
  return size <= limit ? Buffer.concat(chunks) : undefined;
}

function pairsOf(rawHeaders: readonly string[]): Array<readonly [string, string]> {
  const pairs: Array<readonly [string, string]> = [];
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    pairs.push([rawHeaders[index] ?? '', rawHeaders[index + 1] ?? '']);
  }
  return pairs;
}

// IPv4 clients of a dual-stack socket show up as ::ffff:127.0.0.1; API Gateway reports 127.0.0.1.
function sourceIpOf(request: IncomingMessage): string {
  const address = request.socket.remoteAddress ?? '127.0.0.1';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

/** What the gateway knows of a request before the function sees it. */
interface Arrival {
  readonly apiRequestId: string;
  readonly time: Date;
}

function openApiAnswer(
  openapi: { readonly document: unknown } | { readonly error: string },
): HttpAnswer {
  if ('error' in openapi) {
    return gatewayAnswer(500, `The OpenAPI document could not be built: ${openapi.error}`);
  }
  return {
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: Buffer.from(JSON.stringify(openapi.document, null, 2)),
  };
}

async function answerRequest(
  request: IncomingMessage,
  body: Buffer,
  { apiRequestId, time }: Arrival,
  options: LocalServerOptions,
  response: ServerResponse,
): Promise<Reply> {
  const method = request.method ?? 'GET';
  const target = request.url ?? '/';
  const routePath = pathWithoutStage(splitTarget(target).rawPath, options.api.stage);
  if (options.openapi !== undefined && method === 'GET' && routePath === '/openapi.json') {
    return {
      answer: openApiAnswer(options.openapi()),
      requestId: apiRequestId,
      note: 'served by --openapi',
    };
  }
  const docs =
    options.docs === true && method === 'GET' && routePath !== undefined
      ? apiDocsAnswer(routePath)
      : undefined;
  if (docs !== undefined)
    return { answer: docs, requestId: apiRequestId, note: 'served by --docs' };
  if (routePath === undefined) {
    return {
      answer: gatewayAnswer(404, 'Not Found'),
      requestId: apiRequestId,
      note: `the path does not start with the stage /${options.api.stage}`,
    };
  }
  const route = options.routes().match(method, routePath);
  // Function URLs (`--stream`) have no JWT authorizer: IAM guards them.
  const decision =
    route === undefined || options.authorize === undefined || options.stream === true
      ? undefined
      : await options.authorize(route.routeKey, request.headers.authorization);
  if (decision?.kind === 'deny') {
    return {
      answer: gatewayAnswer(
        decision.status,
        decision.status === 401 ? 'Unauthorized' : 'Forbidden',
      ),
      requestId: apiRequestId,
      note: `JWT authorizer: ${decision.reason}`,
    };
  }
  const event = toHttpApiEvent(
    {
      method,
      target,
      headers: pairsOf(request.rawHeaders),
      body,
      sourceIp: sourceIpOf(request),
      protocol: `HTTP/${request.httpVersion}`,
    },
    { ...options.api, port: request.socket.localPort ?? 0 },
    {
      requestId: apiRequestId,
      time,
      route,
      ...(decision?.kind === 'allow' ? { authorizer: { jwt: decision.jwt } } : {}),
    },
  );
  // Only a large body can push the event past Lambda's limit; small ones skip the measuring.
  if (body.length > MAX_EVENT_BYTES / 2) {
    const size = Buffer.byteLength(JSON.stringify(event));
    if (size > MAX_EVENT_BYTES) {
      return {
        answer: gatewayAnswer(500, 'Internal Server Error'),
        requestId: apiRequestId,
        note: `the event has ${size} bytes; Lambda accepts at most ${MAX_EVENT_BYTES}`,
      };
    }
  }
  const awsRequestId = randomUUID();
  if (options.stream === true) {
    const streamed = new StreamedResponse(response);
    const outcome = await options.invoke(toFunctionUrlEvent(event), awsRequestId, streamed);
    if (streamed.status !== undefined) {
      streamed.end(outcome.kind !== 'result');
      const answer = { status: streamed.status, headers: {}, body: Buffer.alloc(0) };
      return { answer, requestId: awsRequestId, note: undefined, streamed: true };
    }
    // No prelude: the bytes written are the payload of an ordinary result.
    const { answer, note } = answerFor(
      outcome.kind === 'result' && streamed.buffered.length > 0
        ? { kind: 'result', payload: JSON.parse(streamed.buffered.toString()) }
        : outcome,
    );
    return { answer, requestId: awsRequestId, note };
  }
  const { answer, note } = answerFor(await options.invoke(event, awsRequestId));
  return { answer, requestId: awsRequestId, note };
}

function write(response: ServerResponse, reply: Reply, apiRequestId: string): Reply {
  const headers: OutgoingHttpHeaders = { 'apigw-requestid': apiRequestId };
  for (const [name, value] of Object.entries(reply.answer.headers)) {
    headers[name] = typeof value === 'string' ? value : [...value];
  }
  const { status } = reply.answer;
  // API Gateway sends a length, not chunks; statuses without a body get neither.
  if (status >= 200 && status !== 204 && status !== 304) {
    headers['content-length'] = reply.answer.body.length;
  }
  try {
    response.writeHead(status, headers);
  } catch (error) {
    // Node refused a header the checks let through; API Gateway would refuse the result too.
    const fallback = gatewayAnswer(502, 'Internal Server Error');
    response.writeHead(fallback.status, {
      ...fallback.headers,
      'apigw-requestid': apiRequestId,
      'content-length': fallback.body.length,
    });
    response.end(fallback.body);
    return { ...reply, answer: fallback, note: `malformed result: ${String(error)}` };
  }
  response.end(reply.answer.body);
  return reply;
}

async function handle(
  request: IncomingMessage,
  response: ServerResponse,
  options: LocalServerOptions,
): Promise<void> {
  const started = performance.now();
  const time = new Date();
  const apiRequestId = newApiRequestId();
  const body = await readBody(request, MAX_REQUEST_BYTES);
  const reply =
    body === undefined
      ? {
          answer: gatewayAnswer(413, 'Request Entity Too Large'),
          requestId: apiRequestId,
          note: `the body is over the HTTP API limit of ${MAX_REQUEST_BYTES} bytes`,
        }
      : await answerRequest(request, body, { apiRequestId, time }, options, response);
  const written = reply.streamed === true ? reply : write(response, reply, apiRequestId);
  options.log(
    formatLogLine(
      {
        time,
        method: request.method ?? 'GET',
        target: request.url ?? '/',
        status: written.answer.status,
        durationMs: performance.now() - started,
        requestId: written.requestId,
        note: written.note,
      },
      options.colour,
    ),
  );
}

/**
 * The HTTP front of the local stack, standing in for an API Gateway HTTP API: every request
 * becomes a payload 2.0 event, goes to the function, and its result is written back as API
 * Gateway would write it.
 */
export function createLocalServer(options: LocalServerOptions): Server {
  return createServer((request, response) => {
    handle(request, response, options).catch((error: unknown) => {
      // Only a fault of the local server itself lands here; the client still gets an answer.
      options.log(`local server error: ${error instanceof Error ? error.stack : String(error)}`);
      if (!response.headersSent) response.writeHead(500).end();
      else response.destroy();
    });
  });
}
