// A short-lived child that reads a function's declared routes, so the local server can fill in
// `routeKey` and `pathParameters` as an HTTP API with those routes does. It runs apart from the
// warm workers because building the table constructs the controllers, which a real container
// does exactly once. Its bundled `buildRouteTable` reads the records the layer's decorators wrote:
// the metadata store and reflect-metadata's registry both live on `globalThis`, shared by copies.
import { loadRoutes } from '../layer/load-routes';
import { buildRouteTable } from '../routing/route-table';
import { installEsmNodePath } from './esm-node-path';
import { type DescribeMessage, toRuntimeError } from './worker-protocol';

function send(message: DescribeMessage): Promise<void> {
  return new Promise((done) => {
    if (process.send === undefined) done();
    else process.send(message, () => done());
  });
}

async function main(): Promise<void> {
  installEsmNodePath(process.env['NODE_PATH']);
  try {
    const found = loadRoutes(process.env);
    const loaded = 'deferred' in found ? await found.load() : found;
    const table = buildRouteTable(loaded.routes, loaded.origin);
    await send({
      type: 'routes',
      routes: table.routes.map((route) => ({ method: route.method, path: route.path })),
    });
  } catch (error) {
    await send({ type: 'routes-error', error: toRuntimeError(error, 'RoutesModuleError') });
  }
  process.disconnect?.();
}

void main();
