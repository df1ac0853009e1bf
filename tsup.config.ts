import { defineConfig, type Options } from 'tsup';

const LAYER_MODULES = 'layer-dist/nodejs/node_modules';

/** Packages the layer provides; functions and main.js resolve them there, never bundle them. */
export const LAYER_PACKAGES = [
  'lambda-controllers',
  'reflect-metadata',
  'class-validator',
  'class-transformer',
  /^@aws-sdk\//,
];

// emitDecoratorMetadata in tsconfig.json plus @swc/core installed make tsup compile with SWC
// (legacy decorators + design:paramtypes); esbuild alone would emit no metadata.
const common: Options = {
  format: ['cjs'],
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  minify: false,
  splitting: false,
  shims: false,
  tsconfig: 'tsconfig.json',
};

export default defineConfig([
  {
    ...common,
    entry: { index: 'src/index.ts' },
    outDir: `${LAYER_MODULES}/lambda-controllers/dist`,
    dts: true,
    clean: true,
  },
  {
    ...common,
    entry: { main: 'src/layer/main.ts' },
    outDir: LAYER_MODULES,
    external: LAYER_PACKAGES,
  },
  {
    ...common,
    entry: { routes: 'sample-api/routes.ts' },
    outDir: 'layer-dist/functions/sample-api',
    external: LAYER_PACKAGES,
    clean: true,
  },
  {
    // The local runner's worker: not part of the layer, resolves everything like the runtime does.
    ...common,
    entry: { worker: 'src/local/worker.ts' },
    outDir: 'layer-dist/local',
  },
]);
