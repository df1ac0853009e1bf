import { bundleLayer } from './layer-bundle.ts';
import { FRAMEWORK_PACKAGES } from './layer-packages.ts';
import type { LazyDependency } from './lazy-requires.ts';
import { makeSelfContained } from './self-contained-modules.ts';
import { bundlePackage, type SingleFilePackage } from './single-file-package.ts';

// class-validator's ES-module builds import validator.js per validator function, the whole of
// validator.js for IsStrongPassword, and libphonenumber-js for IsPhoneNumber. Loading them on
// first use takes most of class-validator's require time off the cold start (issue 6).
const CLASS_VALIDATOR_LAZY: readonly LazyDependency[] = [
  { package: 'validator', filter: /^validator\/lib\/[A-Za-z0-9]+$/, exports: 'default' },
  { package: 'validator', filter: /^validator$/, exports: ['isStrongPassword'] },
  {
    package: 'libphonenumber-js',
    filter: /^libphonenumber-js\/max$/,
    exports: ['parsePhoneNumber'],
  },
];

/** class-validator as one file; `lazy: false` inlines validator.js and libphonenumber-js. */
export function classValidatorBundle(lazy: boolean): SingleFilePackage {
  return { name: 'class-validator', ...(lazy ? { lazy: CLASS_VALIDATOR_LAZY } : {}) };
}

// lambda-controllers' OpenAPI and serialization code import `class-transformer/cjs/storage` (the
// metadata of @Type, @Expose, @Exclude); that path must reach the single file's one storage,
// never a second copy of it.
export const CLASS_TRANSFORMER_BUNDLE: SingleFilePackage = {
  name: 'class-transformer',
  entryExtra: "export { defaultMetadataStorage } from 'class-transformer/esm2015/storage';",
  shims: {
    'cjs/storage.js':
      '"use strict";\nmodule.exports = { defaultMetadataStorage: require("../index.js").defaultMetadataStorage };\n',
  },
};

/** The validator.js checks class-validator's lazy stubs load, one per validator function. */
const VALIDATOR_CHECK = /^validator\/lib\/[A-Za-z0-9]+$/;

/**
 * Turns the layer's class-validator and class-transformer into one file each, bundled from their
 * ES-module builds, with validator.js and libphonenumber-js left as packages of their own that
 * class-validator loads on first use. Measured in bench/RESULTS.md as layer variant (a+b). Each
 * validator.js check class-validator loads becomes one file: a first `IsEmail` read seven.
 */
export async function bundleLayerPackages(modules: string): Promise<void> {
  const lazy = await bundlePackage(modules, classValidatorBundle(true));
  await makeSelfContained(
    modules,
    lazy.filter((specifier) => VALIDATOR_CHECK.test(specifier)),
  );
  await bundlePackage(modules, CLASS_TRANSFORMER_BUNDLE);
}

/**
 * Puts main.js, the framework and the packages it shares state with into one file, each of their
 * modules a shim into it (see layer-bundle.ts). Run after {@link bundleLayerPackages}, on the
 * single files it leaves.
 */
export async function bundleColdStart(modules: string): Promise<void> {
  await bundleLayer(modules, {
    entry: 'main.js',
    packages: [...FRAMEWORK_PACKAGES, 'class-transformer/cjs/storage'],
  });
}
