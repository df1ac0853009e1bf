import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as LayerMain from '../layer/main';
import type * as LambdaControllersOpenApi from '../openapi/index';

/**
 * The layer's `main.js`, resolved as the runtime resolves `main.handler`: loading it loads the
 * function's routes with the layer's own `lambda-controllers`, the single copy `routes.js` uses
 * too, so the decorator records and class-transformer's `@Type` metadata it reads are the ones
 * the function's classes wrote. The local tools bundle none of the framework's code: in a process
 * that loads a function, this is the only copy.
 *
 * @param layerModules - The layer's `nodejs/node_modules` folder.
 */
export function requireLayerMain(layerModules: string): typeof LayerMain {
  const main = join(layerModules, 'main.js');
  return createRequire(main)(main);
}

/** The layer's `lambda-controllers/openapi`, beside the framework `requireLayerMain` loads. */
export function requireLayerOpenApi(layerModules: string): typeof LambdaControllersOpenApi {
  return createRequire(join(layerModules, 'main.js'))('lambda-controllers/openapi');
}
