/**
 * The child process of `write-openapi.ts`. It runs as a Lambda container would, with NODE_PATH
 * at the layer and LAMBDA_TASK_ROOT at a copy of the built function, loads the routes with the
 * layer's own `loadRoutes` (what `main.handler` does) and writes the document the layer's
 * `buildOpenApiDocument` builds from them.
 *
 *   node emit-document.ts <output.json> <title> <version>
 */
import { writeFileSync } from 'node:fs';
import {
  openApiDocumentWithLayer,
  requireLayerFramework,
} from '../../src/local/layer-framework.ts';

const [output, title, version] = process.argv.slice(2);
const { NODE_PATH: layerModules } = process.env;
if (output === undefined || title === undefined || version === undefined) {
  throw new Error('Usage: emit-document.ts <output.json> <title> <version>');
}
if (layerModules === undefined) throw new Error('NODE_PATH must be the layer node_modules folder.');

// The layer's loadRoutes, as main.handler runs it, never the repository's sources.
const found = requireLayerFramework(layerModules).loadRoutes(process.env);
const loaded = 'deferred' in found ? await found.load() : found;
const document = openApiDocumentWithLayer(layerModules, loaded, { title, version });
writeFileSync(output, `${JSON.stringify(document, null, 2)}\n`);
