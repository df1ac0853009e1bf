import { UsageError } from './options.ts';

/** Builds of the layer that the cold-start experiments compare (see build/layer-variants.ts). */
export type LayerVariant =
  | 'built'
  | 'published'
  | 'esm'
  | 'lazy'
  | 'cache'
  | 'lazy-cache'
  // A layer built from another revision (`--baseline`), to compare a change in one run.
  | 'baseline';

interface Common {
  /** What `--only` selects. */
  readonly name: string;
  readonly label: string;
  /** Figure A (warm) and/or B (cold). */
  readonly warm: boolean;
  readonly cold: boolean;
  readonly env?: Readonly<Record<string, string>>;
}

/** A function bundled into one `index.js` with esbuild, as most Lambda functions ship. */
export interface BundledImplementation extends Common {
  readonly kind: 'bundle';
  readonly source: string;
  /** esbuild's `mainFields`; its default for Node is `main` first. */
  readonly mainFields?: readonly string[];
}

/** lambda-controllers: routes.js in the function, `main.handler` and its packages in a layer. */
export interface LayerImplementation extends Common {
  readonly kind: 'layer';
  readonly layer: LayerVariant;
}

export type Implementation = BundledImplementation | LayerImplementation;

// The access log writes one JSON line per request; no peer logs by default, so the compared row
// turns it off and a row of its own shows what it costs.
const QUIET = { LAMBDA_CONTROLLERS_ACCESS_LOG: 'off' };

function bundle(
  name: string,
  label: string,
  source: string,
  mainFields?: readonly string[],
): BundledImplementation {
  return {
    kind: 'bundle',
    name,
    label,
    source: `bench/implementations/${source}`,
    warm: true,
    cold: true,
    ...(mainFields === undefined ? {} : { mainFields }),
  };
}

function layer(
  name: string,
  label: string,
  variant: LayerVariant,
  figures: { warm: boolean; cold: boolean },
  env: Readonly<Record<string, string>> = QUIET,
): LayerImplementation {
  return { kind: 'layer', name, label, layer: variant, env, ...figures };
}

export const IMPLEMENTATIONS: readonly Implementation[] = [
  layer('lambda-controllers', 'lambda-controllers (layer)', 'built', { warm: true, cold: true }),
  layer(
    'lambda-controllers-log',
    'lambda-controllers, access log on',
    'built',
    { warm: true, cold: false },
    { LAMBDA_CONTROLLERS_ACCESS_LOG: 'on' },
  ),
  layer(
    'lambda-controllers-middleware',
    'lambda-controllers, one pass-through middleware',
    'built',
    { warm: true, cold: false },
    { ...QUIET, BENCH_PASS_THROUGH: '1' },
  ),
  bundle('floor', 'floor (hand-written)', 'floor.ts'),
  bundle('floor-cv', 'floor + class-validator (CJS bundle)', 'floor-class-validator.ts'),
  bundle('floor-cv-esm', 'floor + class-validator (ESM bundle)', 'floor-class-validator.ts', [
    'module',
    'main',
  ]),
  bundle('hono', 'hono (hono/aws-lambda)', 'hono.ts'),
  bundle('lambda-api', 'lambda-api', 'lambda-api.ts'),
  bundle('middy', 'middy + http-router', 'middy.ts'),
  bundle('powertools', 'Powertools event handler', 'powertools.ts'),
  bundle('express-serverless-http', 'express + serverless-http', 'express-serverless-http.ts'),
  bundle('express-codegenie', 'express + @codegenie/serverless-express', 'express-codegenie.ts'),
  layer('lc-baseline', 'lambda-controllers, baseline layer', 'baseline', {
    warm: true,
    cold: true,
  }),
  layer('lc-published', 'lc layer, packages as published', 'published', {
    warm: false,
    cold: true,
  }),
  layer('lc-esm', 'lc layer (a): packages bundled from ESM', 'esm', { warm: false, cold: true }),
  layer('lc-lazy', 'lc layer (a+b): ESM + lazy validator.js', 'lazy', { warm: false, cold: true }),
  layer('lc-cache', 'lc layer (c): compile cache', 'cache', { warm: false, cold: true }),
  layer('lc-lazy-cache', 'lc layer (a+b+c)', 'lazy-cache', { warm: false, cold: true }),
];

/**
 * The implementations `--only` names, in table order; every name must exist. The baseline runs
 * only when `--baseline` gives its layer, and then always.
 */
export function selectImplementations(
  only: readonly string[] | undefined,
  baseline = false,
): Implementation[] {
  const available = IMPLEMENTATIONS.filter(
    (implementation) => baseline || implementation.name !== 'lc-baseline',
  );
  if (only === undefined) return available;
  const known = new Set(IMPLEMENTATIONS.map((implementation) => implementation.name));
  const unknown = only.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new UsageError(`--only: unknown ${unknown.join(', ')}; known: ${[...known].join(', ')}`);
  }
  // The floors are the yardsticks of every ratio, so they always run.
  const wanted = new Set([...only, 'floor', 'floor-cv', 'floor-cv-esm', 'lc-baseline']);
  return available.filter((implementation) => wanted.has(implementation.name));
}
