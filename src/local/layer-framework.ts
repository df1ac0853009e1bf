// Imported by the tsup-built local tools and by sample-api's type-stripped openapi script, so it
// imports Node built-ins only (type imports are erased).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as LambdaControllers from '../index';
import type { LoadedRoutes } from '../layer/load-routes';
import type * as LambdaControllersOpenApi from '../openapi/index';

/**
 * The layer's own `lambda-controllers`, resolved from its `main.js` as the runtime resolves it:
 * the single copy `routes.js` uses too, so class-transformer's `@Type` metadata and the decorator
 * records it reads are the ones the function's classes wrote.
 *
 * @param layerModules - The layer's `nodejs/node_modules` folder.
 */
export function requireLayerFramework(layerModules: string): typeof LambdaControllers {
  return createRequire(join(layerModules, 'main.js'))('lambda-controllers');
}

/** The layer's `lambda-controllers/openapi`, beside the framework `requireLayerFramework` gives. */
export function requireLayerOpenApi(layerModules: string): typeof LambdaControllersOpenApi {
  return createRequire(join(layerModules, 'main.js'))('lambda-controllers/openapi');
}

/** Builds the OpenAPI document of a function's loaded routes with the layer's framework. */
export function openApiDocumentWithLayer(
  layerModules: string,
  loaded: LoadedRoutes,
  info: { readonly title: string; readonly version: string },
): unknown {
  const handler = requireLayerFramework(layerModules).createHandler(
    // What routes.js exported; createHandler checks both values.
    loaded.routes as LambdaControllers.Controller,
    loaded.options as LambdaControllers.HandlerOptions | undefined,
  );
  return requireLayerOpenApi(layerModules).buildOpenApiDocument(handler, info);
}
