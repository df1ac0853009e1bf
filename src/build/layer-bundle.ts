import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { type BuildOptions, build, type Plugin } from 'esbuild';

/** The file at the root of the layer's node_modules that holds every module of a cold start. */
export const LAYER_BUNDLE = 'layer-bundle.js';

/** What goes into the layer bundle. */
export interface LayerBundleSpec {
  /** The handler module, relative to node_modules: `main.js`. */
  readonly entry: string;
  /**
   * The package specifiers bundled wherever they are required, e.g. `class-validator`: every
   * other package stays a package, loaded at run time as before.
   */
  readonly packages: readonly string[];
}

// A valid JavaScript identifier that may stand as a shorthand property.
const SHORTHAND_NAME = /^[A-Za-z_$][\w$]*$/;
const RESERVED = new Set(['default', 'class', 'function', 'delete', 'new', 'in', 'typeof']);

/** Module keys as the bundle's map names them: paths relative to node_modules, `/`-separated. */
function keyOf(modules: string, file: string): string {
  return relative(modules, file).split(sep).join('/');
}

/**
 * Bundles `packages` where they are required; leaves every other bare specifier to Node. Refuses
 * a relative import that leaves node_modules, which the shims could not stand for.
 */
function layerResolution(modules: string, packages: ReadonlySet<string>): Plugin {
  const requireFromLayer = createRequire(join(modules, 'index.js'));
  return {
    name: 'layer-resolution',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^[^./]/ }, (args) =>
        packages.has(args.path)
          ? { path: requireFromLayer.resolve(args.path) }
          : { path: args.path, external: true },
      );
      pluginBuild.onResolve({ filter: /^\./ }, (args) => {
        const file = resolve(args.resolveDir, args.path);
        if (!file.startsWith(`${modules}${sep}`)) {
          throw new Error(
            `${args.importer} requires ${args.path}, outside the layer's node_modules`,
          );
        }
        return undefined;
      });
    },
  };
}

/** Source of the bundle's entry: a getter per module key, each requiring the module on first read. */
function registrySource(keys: readonly string[]): string {
  const getters = keys.map(
    (key) =>
      `  get ${JSON.stringify(key)}() {\n    return require(${JSON.stringify(`./${key}`)});\n  },`,
  );
  return `exports.modules = {\n${getters.join('\n')}\n};\n`;
}

/** esbuild's wrapper of each CommonJS module in a bundle, as esbuild 0.27 writes it. */
const ESBUILD_COMMONJS = `var __commonJS = (cb, mod) => function __require() {
  return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
};`;

/**
 * The same wrapper, which also enters each module in `require.cache` under its own path when it
 * starts running, as Node does for a file: a later `require` of that path finds it without
 * reading the shim, and a look at the cache (`assertSingleCopies`, which refuses a function's own
 * copy of class-transformer) sees every package the layer runs.
 */
// Three lines, as esbuild's: the bundle's source map stays true for every line below it.
const REGISTERING_COMMONJS = [
  'var __layerModule = require("node:module").Module, __layerPath = require("node:path");',
  'var __commonJS = (cb, mod) => function __require() { if (mod) return mod.exports; const key = __getOwnPropNames(cb)[0], filename = __layerPath.join(__dirname, key); let entry = require.cache[filename]; if (entry === undefined) { entry = new __layerModule(filename, module); entry.filename = filename; require.cache[filename] = entry; }',
  '  mod = { exports: entry.exports }; cb[key](mod.exports, mod); entry.exports = mod.exports; entry.loaded = true; return mod.exports; };',
].join('\n');

/** @throws when esbuild's wrapper is not the one this build knows how to extend. */
function withRegistration(bundle: string): string {
  if (REGISTERING_COMMONJS.split('\n').length !== ESBUILD_COMMONJS.split('\n').length) {
    throw new Error(`${LAYER_BUNDLE}: the wrapper must keep esbuild's line count for the map`);
  }
  if (!bundle.includes(ESBUILD_COMMONJS)) {
    throw new Error(
      `${LAYER_BUNDLE}: esbuild's __commonJS wrapper changed; update layer-bundle.ts`,
    );
  }
  return bundle.replace(ESBUILD_COMMONJS, REGISTERING_COMMONJS);
}

/** A module left in place of a bundled one: it hands out the bundle's copy of that module. */
function shimSource(modules: string, key: string, names: readonly string[]): string {
  const bundle = relative(dirname(join(modules, key)), join(modules, LAYER_BUNDLE))
    .split(sep)
    .join('/');
  const lines = [
    "'use strict';",
    `// Bundled into ${LAYER_BUNDLE} with the rest of a cold start: one file to read and compile.`,
    `module.exports = require(${JSON.stringify(bundle.startsWith('.') ? bundle : `./${bundle}`)}).modules[${JSON.stringify(key)}];`,
  ];
  const shorthand = names.filter((name) => SHORTHAND_NAME.test(name) && !RESERVED.has(name));
  if (shorthand.length > 0) {
    // Never runs: it tells Node's ES-module loader (cjs-module-lexer) the names to import.
    lines.push(`0 && (module.exports = { ${shorthand.join(', ')} });`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Puts `entry` and every module it loads from `packages` into one CommonJS file,
 * `node_modules/layer-bundle.js`, and leaves each of those modules' files as a two-line shim that
 * returns the bundle's copy. Each module still runs when it is first required and exists once in
 * the process, whichever path reaches it (main.js, a function's `require('class-validator')`, the
 * OpenAPI subpath's chunks); what goes is the resolving, reading and compiling of a dozen files
 * at cold start. Other files of the packages (`lambda-controllers/openapi`, validator.js, …) stay
 * as they are.
 *
 * @returns The module keys the bundle holds, sorted.
 */
export async function bundleLayer(modules: string, spec: LayerBundleSpec): Promise<string[]> {
  const requireFromLayer = createRequire(join(modules, 'index.js'));
  const packages = new Set(spec.packages);
  const common: BuildOptions = {
    bundle: true,
    write: false,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    logLevel: 'error',
    // Paths in the bundle's comments and map relative to the layer: the same bytes anywhere.
    absWorkingDir: modules,
    plugins: [layerResolution(modules, packages)],
  };
  const roots = [spec.entry, ...spec.packages].map((specifier) =>
    specifier === spec.entry ? join(modules, specifier) : requireFromLayer.resolve(specifier),
  );
  const survey = await build({ ...common, entryPoints: roots, outdir: modules, metafile: true });
  const keys = Object.keys(survey.metafile?.inputs ?? {})
    .map((input) => keyOf(modules, resolve(modules, input)))
    .sort();
  const bundled = await build({
    ...common,
    stdin: { contents: registrySource(keys), resolveDir: modules, loader: 'js' },
    outfile: join(modules, LAYER_BUNDLE),
    // Maps back to the packages' own maps, so stack traces can still name the framework's sources.
    sourcemap: 'linked',
  });
  // Names come from the modules as they were: requiring them runs nothing but definitions.
  const names = new Map(
    spec.packages.map((specifier) => [
      keyOf(modules, requireFromLayer.resolve(specifier)),
      Object.keys(Object(requireFromLayer(specifier))),
    ]),
  );
  for (const output of bundled.outputFiles ?? []) {
    writeFileSync(
      output.path,
      output.path.endsWith('.js') ? withRegistration(output.text) : output.text,
    );
  }
  for (const key of keys) {
    const file = join(modules, key);
    writeFileSync(file, shimSource(modules, key, names.get(key) ?? []));
    // A map of the code the shim replaced would mislead a debugger.
    if (existsSync(`${file}.map`)) rmSync(`${file}.map`);
  }
  return keys;
}
