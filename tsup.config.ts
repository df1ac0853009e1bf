import { defineConfig, type Options } from 'tsup';
import { AWS_SDK_SCOPE, FRAMEWORK_PACKAGES } from './src/build/layer-packages';

const LAYER_MODULES = 'layer-dist/nodejs/node_modules';

/** Packages the layer provides; functions and main.js resolve them there, never bundle them. */
export const LAYER_PACKAGES = [...FRAMEWORK_PACKAGES, new RegExp(`^${AWS_SDK_SCOPE}`)];

// emitDecoratorMetadata in tsconfig.json plus @swc/core installed make tsup compile with SWC
// (legacy decorators + design:paramtypes); esbuild alone would emit no metadata.
const common: Options = {
  format: ['cjs'],
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  minify: false,
  splitting: false,
  shims: false,
  tsconfig: 'tsconfig.json',
};

/**
 * The package's public entries: `lambda-controllers`, `lambda-controllers/openapi` and
 * `lambda-controllers/testing`.
 */
const PUBLIC_ENTRIES = {
  index: 'src/index.ts',
  openapi: 'src/openapi/index.ts',
  testing: 'src/testing/index.ts',
};

export default defineConfig([
  {
    // The framework package. Its entries, and main.handler (`dist/main.js`, which the layer's
    // `main.js` re-exports), are built together: code they share goes to shared chunks, so a
    // process holds one copy of the framework whichever entries it loads, and code only the
    // OpenAPI entry uses stays in `dist/openapi.js`, out of every cold start.
    // The layer packer copies the result to the package's dist/, which `npm pack` ships.
    ...common,
    entry: { ...PUBLIC_ENTRIES, main: 'src/layer/main.ts' },
    outDir: `${LAYER_MODULES}/lambda-controllers/dist`,
    splitting: true,
    // Rollup then turns each output file into CommonJS. Without it tsup converts with sucrase,
    // which rewrites the loader's import() of an ES-module routes.mjs into require().
    treeshake: true,
    dts: { entry: PUBLIC_ENTRIES },
    clean: true,
  },
  {
    // The sample function, as `lambda-controllers build sample-api/routes.ts` builds it too (a
    // test holds the two to the same bytes); here so that tsup alone, as --watch runs it,
    // rebuilds it.
    ...common,
    entry: { routes: 'sample-api/routes.ts' },
    outDir: 'layer-dist/functions/sample-api',
    external: LAYER_PACKAGES,
    clean: true,
  },
  {
    // The local runner (lambda-controllers start and invoke) and the children it starts: shipped
    // in the package, not part of the layer. Packages stay external and resolve at run time: the runner's from the repository's
    // node_modules, the function's (in the worker) through NODE_PATH, as on Lambda. The framework
    // is never bundled here: the route reader requires the layer's own copy.
    ...common,
    entry: {
      cli: 'src/local/cli.ts',
      invoke: 'src/local/invoke.ts',
      worker: 'src/local/worker.ts',
      'describe-routes': 'src/local/describe-routes.ts',
    },
    outDir: 'dist/local',
    skipNodeModulesBundle: true,
  },
  {
    // The lambda-controllers command, shipped in the package (its bin), not in the layer.
    ...common,
    entry: { 'lambda-controllers': 'src/cli/main.ts' },
    outDir: 'dist/cli',
    skipNodeModulesBundle: true,
    banner: { js: '#!/usr/bin/env node' },
  },
]);
