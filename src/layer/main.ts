import type { Context } from 'aws-lambda';
// Imported by name, not by relative path: the runtime resolves the layer's single copy in
// /opt/nodejs/node_modules/lambda-controllers, the same one routes.js gets.
import {
  createHandler,
  type LambdaHandler,
  type LoadedRoutes,
  loadRoutes,
} from 'lambda-controllers';

function toHandler(loaded: LoadedRoutes): LambdaHandler {
  return createHandler(loaded.routes, loaded.options, loaded.origin);
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
 * The layer's entry point, `main.handler`. Two parameters: the Node.js 24 runtime refuses
 * non-streaming handlers that declare a third (callback) parameter.
 */
export const handler = async (event: unknown, context: Context): Promise<unknown> => {
  if (ready !== undefined) return ready(event, context);
  const outcome = await (importing as NonNullable<typeof importing>);
  if ('error' in outcome) throw outcome.error;
  return outcome.handler(event, context);
};
