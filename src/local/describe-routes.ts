// A short-lived child that reads a function's declared routes, so the local server can fill in
// `routeKey` and `pathParameters` as an HTTP API with those routes does. It runs apart from the
// warm workers because building the table constructs the controllers, which a real container
// does exactly once. Everything it does goes through the layer's own main.js and framework: the
// copy the function's decorators wrote their records into.
import { delimiter } from 'node:path';
import { messageOf } from '../errors/message-of';
import type { LambdaHandler } from '../index';
import { installEsmNodePath } from './esm-node-path';
import { requireLayerMain, requireLayerOpenApi } from './layer-framework';
import { type DescribeMessage, OPENAPI_FLAG, toRuntimeError } from './worker-protocol';

function send(message: DescribeMessage): Promise<void> {
  return new Promise((done) => {
    if (process.send === undefined) done();
    else process.send(message, () => done());
  });
}

/** The handler's OpenAPI document, or why it could not be built. */
function openApiOf(
  layer: string,
  handler: LambdaHandler,
): { document: unknown } | { error: string } {
  const info = { title: process.env['AWS_LAMBDA_FUNCTION_NAME'] ?? 'local', version: 'local' };
  try {
    return { document: requireLayerOpenApi(layer).buildOpenApiDocument(handler, info) };
  } catch (error) {
    // Served as the answer to /openapi.json: routing works even when the document cannot.
    return { error: messageOf(error) };
  }
}

async function main(): Promise<void> {
  const nodePath = process.env['NODE_PATH'];
  installEsmNodePath(nodePath);
  try {
    const layer = nodePath?.split(delimiter)[0];
    if (layer === undefined || layer === '') throw new Error('NODE_PATH does not name the layer');
    const main = requireLayerMain(layer);
    const handler = await main.loadHandler();
    await send({
      type: 'routes',
      routes: requireLayerOpenApi(layer).describeRoutes(handler),
      openapi: process.argv.includes(OPENAPI_FLAG)
        ? openApiOf(layer, handler)
        : { error: 'the local server runs without --openapi' },
    });
  } catch (error) {
    await send({ type: 'routes-error', error: toRuntimeError(error, 'RoutesModuleError') });
  }
  process.disconnect?.();
}

void main();
