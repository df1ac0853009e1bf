import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BENCH_DIR = join(ROOT, 'bench');
/** What `npm run build` produces; the benchmark writes only under its `bench` folder. */
export const LAYER_DIST = join(ROOT, 'layer-dist');
export const BUILT_LAYER = join(LAYER_DIST, 'nodejs');
/** Everything the benchmark builds: bundles, tools, alternative layers. */
export const BENCH_OUT = join(LAYER_DIST, 'bench');
export const TOOLS_OUT = join(BENCH_OUT, 'tools');
export const FUNCTIONS_OUT = join(BENCH_OUT, 'functions');
export const LAYERS_OUT = join(BENCH_OUT, 'layers');
export const RESULTS_FILE = join(BENCH_DIR, 'RESULTS.md');
