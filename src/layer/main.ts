import type { Context } from 'aws-lambda';
// main.handler is a function like any other, built with the public createHandler; withOrigin only
// adds the file and export to its cold-start errors. The build puts this entry in the
// lambda-controllers package, beside the main entry, so both share the one copy of the framework
// that routes.js gets too.
import { createHandler, type HandlerOptions, type LambdaHandler } from 'lambda-controllers';
import { withOrigin } from '../errors/routes-origin';
import { type LoadedRoutes, loadRoutes } from './load-routes';

function toHandler(loaded: LoadedRoutes): LambdaHandler {
  try {
    // Whatever routes.js exported: createHandler checks both values and names what is wrong
    // (including a `resolve` that is not a function).
    return createHandler(
      loaded.routes as new () => object,
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
 * The layer's entry point, `main.handler`. Two parameters: the Node.js 24 runtime refuses
 * non-streaming handlers that declare a third (callback) parameter.
 */
export const handler = async (event: unknown, context: Context): Promise<unknown> => {
  if (ready !== undefined) return ready(event, context);
  return (await loadHandler())(event, context);
};
