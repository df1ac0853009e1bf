import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as LambdaControllers from '../index';

/** What the local tools use of the layer's framework. */
export type LayerFramework = Pick<
  typeof LambdaControllers,
  'loadRoutes' | 'buildRouteTable' | 'buildOpenApiDocument'
>;

/**
 * The layer's own `lambda-controllers`, resolved from its `main.js` as the runtime resolves it:
 * the single copy `routes.js` uses too, so the decorator records and class-transformer's `@Type`
 * metadata it reads are the ones the function's classes wrote. The local tools bundle none of
 * the framework's code: in a process that loads a function, this is the only copy.
 *
 * @param layerModules - The layer's `nodejs/node_modules` folder.
 */
export function requireLayerFramework(layerModules: string): LayerFramework {
  return createRequire(join(layerModules, 'main.js'))('lambda-controllers');
}
