// Imported by the tsup-built local tools and by sample-api's type-stripped openapi script, so it
// imports Node built-ins only (the type import is erased).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as LambdaControllers from '../index';

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

/** Builds the OpenAPI document of a function's loaded routes with the layer's framework. */
export function openApiDocumentWithLayer(
  layerModules: string,
  loaded: LambdaControllers.LoadedRoutes,
  info: { readonly title: string; readonly version: string },
): unknown {
  const framework = requireLayerFramework(layerModules);
  const handler = framework.createHandler(loaded.routes, loaded.options);
  return framework.buildOpenApiDocument(handler, info);
}
