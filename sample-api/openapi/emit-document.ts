/**
 * The child process of `write-openapi.ts`. It runs as a Lambda container would, with NODE_PATH
 * at the layer and LAMBDA_TASK_ROOT at a copy of the built function, loads the routes with the
 * layer's own `loadRoutes` (what `main.handler` does) and writes the document the layer's
 * `buildOpenApiDocument` builds from them.
 *
 *   node emit-document.ts <output.json> <title> <version>
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as LambdaControllers from 'lambda-controllers';

const [output, title, version] = process.argv.slice(2);
const { NODE_PATH: layerModules } = process.env;
if (output === undefined || title === undefined || version === undefined) {
  throw new Error('Usage: emit-document.ts <output.json> <title> <version>');
}
if (layerModules === undefined) throw new Error('NODE_PATH must be the layer node_modules folder.');

// The layer's own lambda-controllers, resolved from its main.js as the runtime resolves it: the
// copy routes.js uses, never the repository's sources.
const framework: typeof LambdaControllers = createRequire(join(layerModules, 'main.js'))(
  'lambda-controllers',
);
const found = framework.loadRoutes(process.env);
const loaded = 'deferred' in found ? await found.load() : found;
const options = loaded.options === undefined ? {} : { handlerOptions: loaded.options };
const document = framework.buildOpenApiDocument(loaded.routes, { title, version }, options);
writeFileSync(output, `${JSON.stringify(document, null, 2)}\n`);
