import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import type { LayerVariant } from '../implementations.ts';
import { isSdkPath } from '../layer-contents.ts';
import { BUILT_LAYER, LAYERS_OUT } from '../paths.ts';
import { type LazyDependency, lazyRequires } from './lazy-requires.ts';

/** Where the compile-cache variants keep V8's code cache, inside the layer. */
export const COMPILE_CACHE_DIR = '.compile-cache';
/** The real main.js of the compile-cache variants, behind a bootstrap that enables the cache. */
const MAIN_BEHIND_BOOTSTRAP = 'lambda-controllers-main.js';

// class-validator's ES-module build imports validator.js per validator function, the whole of
// validator.js for IsStrongPassword, and libphonenumber-js for IsPhoneNumber.
const CLASS_VALIDATOR_LAZY: readonly LazyDependency[] = [
  { filter: /^validator\/lib\/[A-Za-z0-9]+$/, exports: 'default' },
  { filter: /^validator$/, exports: ['isStrongPassword'] },
  { filter: /^libphonenumber-js\/max$/, exports: ['parsePhoneNumber'] },
];

/** How one package of the layer becomes a single file. */
interface SingleFilePackage {
  readonly name: string;
  readonly lazy?: readonly LazyDependency[];
  /** Extra ES-module source appended to the bundle's entry, to export what deep paths need. */
  readonly entryExtra?: string;
  /** Deep import paths kept as small files that re-export from the single file. */
  readonly shims?: Readonly<Record<string, string>>;
}

// lambda-controllers' OpenAPI code imports `class-transformer/cjs/storage` (the metadata of
// @Type); that path must reach the single file's one storage, never a second copy of it.
const CLASS_TRANSFORMER: SingleFilePackage = {
  name: 'class-transformer',
  entryExtra: "export { defaultMetadataStorage } from 'class-transformer/esm5/storage';",
  shims: {
    'cjs/storage.js':
      '"use strict";\nmodule.exports = { defaultMetadataStorage: require("../index.js").defaultMetadataStorage };\n',
  },
};

/**
 * Replaces a package of the layer by one CommonJS file bundled from its ES-module build. The
 * folder keeps the package's name, so there is still exactly one copy that both main.js and
 * routes.js resolve; deep paths other than the shims now fail loudly instead of loading a
 * second copy.
 */
async function bundlePackage(modules: string, spec: SingleFilePackage): Promise<void> {
  const { name, lazy } = spec;
  const folder = join(modules, name);
  const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as {
    version: string;
    license?: string;
  };
  const bundled = join(modules, `.${name}.bundled.js`);
  await build({
    stdin: {
      contents: `export * from '${name}';\n${spec.entryExtra ?? ''}`,
      resolveDir: modules,
      loader: 'js',
    },
    outfile: bundled,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    mainFields: ['module', 'main'],
    ...(lazy === undefined ? {} : { plugins: [lazyRequires(lazy)] }),
    logLevel: 'error',
  });
  rmSync(folder, { recursive: true });
  cpSync(bundled, join(folder, 'index.js'));
  rmSync(bundled);
  const single = { name, version: manifest.version, license: manifest.license, main: 'index.js' };
  writeFileSync(join(folder, 'package.json'), `${JSON.stringify(single, null, 2)}\n`);
  for (const [path, contents] of Object.entries(spec.shims ?? {})) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), contents);
  }
  assertOneStorage(modules, spec);
}

/** Each shim must hand out the single file's own objects, or the package would split in two. */
function assertOneStorage(modules: string, spec: SingleFilePackage): void {
  const requireFromLayer = createRequire(join(modules, 'index.js'));
  const main: unknown = requireFromLayer(spec.name);
  for (const path of Object.keys(spec.shims ?? {})) {
    const shim: unknown = requireFromLayer(`${spec.name}/${path}`);
    for (const [key, value] of Object.entries(Object(shim))) {
      if (Reflect.get(Object(main), key) !== value) {
        throw new Error(`${spec.name}/${path} exports a ${key} of its own, not the package's`);
      }
    }
  }
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
 * built layer; `built` is the built layer itself.
 *
 * @returns The variant's `nodejs` folder.
 */
export async function buildLayerVariant(variant: LayerVariant): Promise<string> {
  if (variant === 'built') return BUILT_LAYER;
  const nodejs = join(LAYERS_OUT, variant, 'nodejs');
  rmSync(join(LAYERS_OUT, variant), { recursive: true, force: true });
  cpSync(BUILT_LAYER, nodejs, {
    recursive: true,
    filter: (source) => !isSdkPath(BUILT_LAYER, source),
  });
  const modules = join(nodejs, 'node_modules');
  if (variant === 'esm' || variant === 'lazy' || variant === 'lazy-cache') {
    await bundlePackage(modules, {
      name: 'class-validator',
      ...(variant === 'esm' ? {} : { lazy: CLASS_VALIDATOR_LAZY }),
    });
    await bundlePackage(modules, CLASS_TRANSFORMER);
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
