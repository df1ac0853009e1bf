import type { Context } from 'aws-lambda';
// main.handler is a function like any other, built with the public createHandler; withOrigin only
// adds the file and export to its cold-start errors. The build puts this entry in the
// lambda-controllers package, beside the main entry, so both share the one copy of the framework
// that routes.js gets too.
import {
  type Controller,
  createHandler,
  type HandlerOptions,
  type LambdaHandler,
  STREAM_VARIABLE,
  streamingHandlerOf,
  streamingRequested,
} from 'lambda-controllers';
import { withOrigin } from '../errors/routes-origin';
import { type LoadedRoutes, loadRoutes } from './load-routes';

function toHandler(loaded: LoadedRoutes): LambdaHandler {
  try {
    // Whatever routes.js exported: createHandler checks both values and names what is wrong
    // (including a `resolve` that is not a function).
    return createHandler(
      loaded.routes as Controller | readonly Controller[],
      loaded.options as HandlerOptions | undefined,
    );
  } catch (error) {
    throw withOrigin(error, loaded.origin);
  }
}

// Loading at module scope makes a broken routes module an init failure, reported once by Lambda,
// instead of a failure on every request.
const loaded = loadRoutes(process.env);
const ready: LambdaHandler | undefined = 'deferred' in loaded ? undefined : toHandler(loaded);
// An ES module is imported asynchronously, starting now. Its outcome is kept as a value, not a
// rejected promise, so a failure is thrown by the first invocation rather than crashing the
// process as an unhandled rejection.
const importing: Promise<{ handler: LambdaHandler } | { error: unknown }> | undefined =
  'deferred' in loaded
    ? loaded.load().then(
        (routes) => ({ handler: toHandler(routes) }),
        (error: unknown) => ({ error }),
      )
    : undefined;

/**
 * The handler `main.handler` delegates to, once the routes module has loaded: what tools such as
 * `npm run openapi` describe, with the same routes, options and framework copy.
 *
 * @throws The loading or route-table error `main.handler` would fail with.
 */
export async function loadHandler(): Promise<LambdaHandler> {
  if (ready !== undefined) return ready;
  const outcome = await (importing as NonNullable<typeof importing>);
  if ('error' in outcome) throw outcome.error;
  return outcome.handler;
}

/**
 * The buffered entry point: two parameters, as the Node.js 24 runtime requires. A routes module
 * that loaded synchronously gives the handler itself, so an invocation passes no wrapper (an
 * async wrapper costs a promise and its resolution on every request).
 */
const buffered: LambdaHandler =
  ready ??
  (async (event: unknown, context: Context): Promise<unknown> =>
    (await loadHandler())(event, context));

/**
 * The streaming entry point, chosen at init: Lambda decides how to invoke a function from the
 * handler it was given, so the one handler string `main.handler` names either form.
 */
function streaming(): unknown {
  const runtime: unknown = Reflect.get(globalThis, 'awslambda');
  const streamify: unknown =
    typeof runtime === 'object' && runtime !== null
      ? Reflect.get(runtime, 'streamifyResponse')
      : undefined;
  if (typeof streamify !== 'function') {
    throw new Error(
      `${STREAM_VARIABLE} asks for streaming, but there is no awslambda.streamifyResponse: ` +
        'run on the Lambda Node.js runtime, or unset the variable.',
    );
  }
  return Reflect.apply(streamify, runtime, [
    async (event: unknown, responseStream: never, context: unknown) =>
      streamingHandlerOf(ready ?? (await loadHandler()))(event, responseStream, context),
  ]);
}

/**
 * The layer's entry point, `main.handler`: the buffered handler, or with
 * `LAMBDA_CONTROLLERS_STREAM=1` the streaming one (function URLs with `RESPONSE_STREAM`, REST
 * APIs with `responseTransferMode: STREAM`).
 */
export const handler = streamingRequested(process.env) ? streaming() : buffered;
