// A short-lived child that reads a function's declared routes, so the local server can fill in
// `routeKey` and `pathParameters` as an HTTP API with those routes does. It runs apart from the
// warm workers because building the table constructs the controllers, which a real container
// does exactly once. Its bundled `buildRouteTable` reads the records the layer's decorators wrote:
// the metadata store and reflect-metadata's registry both live on `globalThis`, shared by copies.
import { withOrigin } from '../errors/routes-origin';
import { type LoadedRoutes, loadRoutes } from '../layer/load-routes';
import { buildRouteTable } from '../routing/route-table';
import { installEsmNodePath } from './esm-node-path';
import { openApiDocumentWithLayer } from './layer-framework';
import { type DescribeMessage, toRuntimeError } from './worker-protocol';

function send(message: DescribeMessage): Promise<void> {
  return new Promise((done) => {
    if (process.send === undefined) done();
    else process.send(message, () => done());
  });
}

/** The routes' OpenAPI document, or why it could not be built. */
function openApiOf(loaded: LoadedRoutes): { document: unknown } | { error: string } {
  const layer = process.env['NODE_PATH']?.split(':')[0];
  if (layer === undefined) return { error: 'NODE_PATH does not name the layer' };
  const info = { title: process.env['AWS_LAMBDA_FUNCTION_NAME'] ?? 'local', version: 'local' };
  try {
    return { document: openApiDocumentWithLayer(layer, loaded, info) };
  } catch (error) {
    // Served as the answer to /openapi.json: routing works even when the document cannot.
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

async function main(): Promise<void> {
  installEsmNodePath(process.env['NODE_PATH']);
  try {
    const found = loadRoutes(process.env);
    const loaded = 'deferred' in found ? await found.load() : found;
    let table: ReturnType<typeof buildRouteTable>;
    try {
      table = buildRouteTable(loaded.routes);
    } catch (error) {
      throw withOrigin(error, loaded.origin);
    }
    await send({
      type: 'routes',
      routes: table.routes.map(({ method, path, segments }) => ({ method, path, segments })),
      openapi: openApiOf(loaded),
    });
  } catch (error) {
    await send({ type: 'routes-error', error: toRuntimeError(error, 'RoutesModuleError') });
  }
  process.disconnect?.();
}

void main();
