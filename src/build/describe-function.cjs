'use strict';
// Runs as a Lambda container would (NODE_PATH at the layer, LAMBDA_TASK_ROOT at a copy of one
// built function) and prints the routes of the handler the layer's main.js builds for it, read
// from the framework's own route table: what route-manifest.mts writes to routes.json.
const { join } = require('node:path');

async function main() {
  const layer = process.env.NODE_PATH;
  if (layer === undefined) throw new Error('NODE_PATH must be the layer node_modules folder.');
  const { loadHandler } = require(join(layer, 'main.js'));
  // By path: a bare `lambda-controllers/openapi` from inside this repository resolves to the
  // repository's own package (self-reference), not to the layer's copy the handler was made by.
  const { describeRoutes } = require(join(layer, 'lambda-controllers/dist/openapi.js'));
  const handler = await loadHandler();
  const routes = describeRoutes(handler).map(({ method, path, authorization }) => ({
    method,
    path,
    authorization,
  }));
  process.stdout.write(JSON.stringify(routes));
}

main().catch((error) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
