/**
 * The child process of `write-openapi.ts`. It runs as a Lambda container would, with NODE_PATH
 * at the layer and LAMBDA_TASK_ROOT at a copy of the built function, takes the handler the
 * layer's `main.js` serves (the routes it loads, their options, its framework copy) and writes
 * the document the layer's `lambda-controllers/openapi` builds from that handler.
 *
 *   node emit-document.ts <output.json> <title> <version>
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as LayerMain from '../../src/layer/main.ts';
import type * as LambdaControllersOpenApi from '../../src/openapi/index.ts';

const [output, title, version] = process.argv.slice(2);
const { NODE_PATH: layerModules } = process.env;
if (output === undefined || title === undefined || version === undefined) {
  throw new Error('Usage: emit-document.ts <output.json> <title> <version>');
}
if (layerModules === undefined) throw new Error('NODE_PATH must be the layer node_modules folder.');

// The layer's main.js as the runtime loads it, and the OpenAPI entry of the same framework copy:
// never the repository's sources.
const layerRequire = createRequire(join(layerModules, 'main.js'));
const main: typeof LayerMain = layerRequire(join(layerModules, 'main.js'));
const openapi: typeof LambdaControllersOpenApi = layerRequire('lambda-controllers/openapi');
const handler = await main.loadHandler();
// `/`: the API answers on the host that serves the document (the local server, or the stage the
// document is published next to); MIT, the package's license.
const document = openapi.buildOpenApiDocument(
  handler,
  { title, version, license: { name: 'MIT', identifier: 'MIT' } },
  {
    servers: [{ url: '/' }],
    tagDescriptions: { users: 'Sign up, read, list, change and delete users.' },
  },
);
writeFileSync(output, `${JSON.stringify(document, null, 2)}\n`);
