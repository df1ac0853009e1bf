import { cpSync, existsSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LAYER_BUNDLE } from '../../../src/build/layer-bundle.ts';
import {
  CLASS_TRANSFORMER_BUNDLE,
  classValidatorBundle,
} from '../../../src/build/layer-package-bundles.ts';
import { bundlePackage } from '../../../src/build/single-file-package.ts';
import type { LayerVariant } from '../implementations.ts';
import { isSdkPath } from '../layer-contents.ts';
import { BUILT_LAYER, LAYERS_OUT, ROOT } from '../paths.ts';

/** Where the compile-cache variants keep V8's code cache, inside the layer. */
export const COMPILE_CACHE_DIR = '.compile-cache';
/** The real main.js of the compile-cache variants, behind a bootstrap that enables the cache. */
const MAIN_BEHIND_BOOTSTRAP = 'lambda-controllers-main.js';
/**
 * The packages the build rewrites (single files; validator.js checks made self-contained), which
 * the variants start from as published.
 */
const BUNDLED_BY_BUILD = ['class-validator', 'class-transformer', 'validator'];

/**
 * Puts back the packages as npm ships them (the layer before `npm run build` bundled them), so
 * that every variant measures its own changes against the same starting point.
 */
function restorePublishedPackages(modules: string): void {
  for (const name of BUNDLED_BY_BUILD) {
    rmSync(join(modules, name), { recursive: true, force: true });
    cpSync(join(ROOT, 'node_modules', name), join(modules, name), { recursive: true });
  }
}

/**
 * Takes the built layer back to one file per module, as before `npm run build` put main.js, the
 * framework and its packages into the layer bundle: the framework from the package's dist/
 * (copied before the bundling), reflect-metadata as published, main.js re-exporting dist/main.js.
 */
function restoreUnbundledFramework(modules: string): void {
  const dist = join(modules, 'lambda-controllers/dist');
  const built = join(ROOT, 'dist');
  for (const file of readdirSync(built).filter((name) => /\.js(\.map)?$/.test(name))) {
    cpSync(join(built, file), join(dist, file));
  }
  rmSync(join(modules, 'reflect-metadata'), { recursive: true, force: true });
  cpSync(join(ROOT, 'node_modules/reflect-metadata'), join(modules, 'reflect-metadata'), {
    recursive: true,
  });
  for (const file of [LAYER_BUNDLE, `${LAYER_BUNDLE}.map`])
    rmSync(join(modules, file), { force: true });
  writeFileSync(
    join(modules, 'main.js'),
    "'use strict';\nmodule.exports = require('./lambda-controllers/dist/main.js');\n",
  );
}

/** Puts a bootstrap in front of main.js that turns on Node's compile cache kept in the layer. */
function addCompileCacheBootstrap(modules: string): void {
  renameSync(join(modules, 'main.js'), join(modules, MAIN_BEHIND_BOOTSTRAP));
  writeFileSync(
    join(modules, 'main.js'),
    [
      '"use strict";',
      '// Before anything else loads: V8 code cache for every module compiled from here on.',
      'const { enableCompileCache } = require("node:module");',
      `enableCompileCache?.(require("node:path").join(__dirname, "..", "${COMPILE_CACHE_DIR}"));`,
      `module.exports = require("./${MAIN_BEHIND_BOOTSTRAP}");`,
      '',
    ].join('\n'),
  );
}

/**
 * Writes one experimental layer under layer-dist/bench/layers/<variant>/nodejs, derived from the
 * built layer with class-validator and class-transformer as published and no layer bundle; `built` is the built layer
 * itself (variant `lazy`, as `npm run build` now makes it), `published` the layer before that.
 *
 * @param baseline - The `nodejs` folder `--baseline` gave, for the `baseline` variant.
 * @returns The variant's `nodejs` folder.
 */
export async function buildLayerVariant(variant: LayerVariant, baseline?: string): Promise<string> {
  if (variant === 'built') return BUILT_LAYER;
  if (variant === 'baseline') {
    if (baseline === undefined) throw new Error('the baseline layer needs --baseline');
    return baseline;
  }
  const nodejs = join(LAYERS_OUT, variant, 'nodejs');
  rmSync(join(LAYERS_OUT, variant), { recursive: true, force: true });
  cpSync(BUILT_LAYER, nodejs, {
    recursive: true,
    filter: (source) => !isSdkPath(BUILT_LAYER, source),
  });
  const modules = join(nodejs, 'node_modules');
  restoreUnbundledFramework(modules);
  restorePublishedPackages(modules);
  if (variant === 'esm' || variant === 'lazy' || variant === 'lazy-cache') {
    await bundlePackage(modules, classValidatorBundle(variant !== 'esm'));
    await bundlePackage(modules, CLASS_TRANSFORMER_BUNDLE);
    if (variant === 'esm') {
      // Bundled into class-validator now; removing them proves nothing loads them from here.
      for (const inlined of ['validator', 'libphonenumber-js']) {
        rmSync(join(modules, inlined), { recursive: true, force: true });
      }
    }
  }
  if (variant === 'cache' || variant === 'lazy-cache') addCompileCacheBootstrap(modules);
  if (!existsSync(join(modules, 'main.js'))) throw new Error(`${variant}: main.js is missing`);
  return nodejs;
}
