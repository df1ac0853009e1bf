import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { bundleImplementation, bundleRoutes } from './build/bundle-implementations.ts';
import { buildLayerVariant } from './build/layer-variants.ts';
import { buildTools } from './build/tools.ts';
import type { Implementation, LayerVariant } from './implementations.ts';
import { BENCH_OUT, BUILT_LAYER, LAYER_DIST } from './paths.ts';
import { type Stage, stage } from './stage.ts';

const REQUIRED = [
  join(BUILT_LAYER, 'node_modules/main.js'),
  join(BUILT_LAYER, 'node_modules/lambda-controllers/dist/index.js'),
  join(LAYER_DIST, 'functions/sample-api/routes.js'),
];
const WAIT_MS = 120_000;

/**
 * Waits for `npm run build`'s output: another build may be deleting and rewriting layer-dist
 * right now.
 *
 * @throws Error when it is still missing after two minutes.
 */
async function waitForLayer(log: (line: string) => void): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  let told = false;
  while (REQUIRED.some((file) => !existsSync(file))) {
    if (Date.now() > deadline) {
      throw new Error(
        `layer-dist is incomplete (${REQUIRED.join(', ')}): run \`npm run build\` first.`,
      );
    }
    if (!told) log('layer-dist is incomplete (a build may be running); waiting for it');
    told = true;
    await sleep(2000);
  }
}

async function buildAndStage(
  implementations: readonly Implementation[],
  baseline: string | undefined,
): Promise<Stage> {
  mkdirSync(BENCH_OUT, { recursive: true });
  const tools = await buildTools();
  const functions = new Map<string, string>();
  const layers = new Map<LayerVariant, string>();
  let routes: string | undefined;
  for (const implementation of implementations) {
    if (implementation.kind === 'bundle') {
      functions.set(implementation.name, dirname(await bundleImplementation(implementation)));
      continue;
    }
    routes ??= dirname(await bundleRoutes());
    functions.set(implementation.name, routes);
    if (!layers.has(implementation.layer)) {
      layers.set(implementation.layer, await buildLayerVariant(implementation.layer, baseline));
    }
  }
  // Figures C and D run on the layer as built.
  if (!layers.has('built')) layers.set('built', await buildLayerVariant('built'));
  return stage({
    implementations,
    tools,
    functions,
    layers,
    sampleApi: join(LAYER_DIST, 'functions/sample-api'),
  });
}

/**
 * Builds every bundle, tool and layer variant under layer-dist/bench and copies them to a
 * temporary Lambda-like tree. Tries twice, as a concurrent `npm run build` can remove
 * layer-dist in the middle of ours.
 */
export async function buildAll(
  implementations: readonly Implementation[],
  log: (line: string) => void,
  baseline?: string,
): Promise<Stage> {
  for (let attempt = 1; ; attempt += 1) {
    await waitForLayer(log);
    try {
      return await buildAndStage(implementations, baseline);
    } catch (error) {
      const missing =
        typeof error === 'object' && error !== null && Reflect.get(error, 'code') === 'ENOENT';
      if (!missing || attempt >= 2) throw error;
      log(`layer-dist changed under the build (${String(error)}); trying again`);
      rmSync(BENCH_OUT, { recursive: true, force: true });
    }
  }
}
