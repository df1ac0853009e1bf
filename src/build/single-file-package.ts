import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { type LazyDependency, lazyRequires } from './lazy-requires.ts';
import { toCommonJs } from './to-common-js.ts';

/** How one package of the layer becomes a single file. */
export interface SingleFilePackage {
  readonly name: string;
  /** Dependencies reached through stubs that load them on first call (see lazy-requires.ts). */
  readonly lazy?: readonly LazyDependency[];
  /** Extra ES-module source appended to the bundle's entry, to export what deep paths need. */
  readonly entryExtra?: string;
  /** Deep import paths kept as small files that re-export from the single file. */
  readonly shims?: Readonly<Record<string, string>>;
}

/**
 * Every `require("…")` left in a bundle, the only way it can reach code outside itself; esbuild's
 * ES-module output spells it `__require("…")`.
 */
function requiredSpecifiers(bundle: string): string[] {
  return [
    ...new Set([...bundle.matchAll(/\b(?:__)?require\("([^"]+)"\)/g)].map((match) => match[1])),
  ]
    .filter((specifier): specifier is string => specifier !== undefined)
    .sort();
}

/**
 * Refuses a bundle that reaches a lazy dependency other than through a stub, or whose stubs ask
 * the real package for something it lacks: either would load it eagerly, twice, or not at all.
 */
function assertLazyCoverage(
  spec: SingleFilePackage,
  bundle: string,
  inputs: readonly string[],
  requireFromLayer: NodeJS.Require,
): void {
  const lazy = spec.lazy ?? [];
  const lazyPackages = new Set(lazy.map((dependency) => dependency.package));
  const inlined = inputs.filter((input) =>
    [...lazyPackages].some((name) => input.includes(`node_modules/${name}/`)),
  );
  if (inlined.length > 0) {
    const some = `${inlined.slice(0, 3).join(', ')}${inlined.length > 3 ? ', …' : ''}`;
    throw new Error(
      `${spec.name}: the bundle inlines ${inlined.length} files past the lazy stubs: ${some}`,
    );
  }
  for (const specifier of requiredSpecifiers(bundle)) {
    if (builtinModules.includes(specifier.replace(/^node:/, ''))) continue;
    const dependency = lazy.find(({ filter }) => filter.test(specifier));
    if (dependency === undefined) {
      throw new Error(`${spec.name}: the bundle requires ${specifier}, which no lazy stub covers`);
    }
    const loaded: unknown = requireFromLayer(specifier);
    const names = dependency.exports === 'default' ? ['default'] : dependency.exports;
    for (const name of names) {
      const value: unknown =
        name === 'default'
          ? (Reflect.get(Object(loaded), 'default') ?? loaded)
          : Reflect.get(Object(loaded), name);
      if (typeof value !== 'function') {
        throw new Error(
          `${spec.name}: the stub of ${specifier} calls ${name}, not a function there`,
        );
      }
    }
  }
}

/** Each shim must hand out the single file's own objects, or the package would split in two. */
function assertShimsShareObjects(spec: SingleFilePackage, requireFromLayer: NodeJS.Require): void {
  const main: unknown = requireFromLayer(spec.name);
  for (const path of Object.keys(spec.shims ?? {})) {
    const shim: unknown = requireFromLayer(`${spec.name}/${path}`);
    const entries = Object.entries(Object(shim));
    if (entries.length === 0) throw new Error(`${spec.name}/${path} exports nothing`);
    for (const [key, value] of entries) {
      if (Reflect.get(Object(main), key) !== value) {
        throw new Error(`${spec.name}/${path} exports a ${key} of its own, not the package's`);
      }
    }
  }
}

/**
 * Replaces a package of a layer's node_modules by one CommonJS file bundled from its ES-module
 * build (ES2015 where the package has one: native classes parse and run faster than ES5's). The
 * folder keeps the package's name, so there is still exactly one copy that both
 * main.js and routes.js resolve; deep paths other than the shims now fail loudly instead of
 * loading a second copy. Types are left out: the layer is run, never compiled against.
 *
 * @returns The specifiers the bundle still requires, other than Node's built-in modules: what its
 * lazy stubs load on first call.
 */
export async function bundlePackage(
  modules: string,
  spec: SingleFilePackage,
): Promise<readonly string[]> {
  const { name, lazy } = spec;
  const folder = join(modules, name);
  const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as {
    version: string;
    license?: string;
  };
  const result = await build({
    stdin: {
      contents: `export * from '${name}';\n${spec.entryExtra ?? ''}`,
      resolveDir: modules,
      loader: 'js',
    },
    outfile: join(folder, 'index.js'),
    write: false,
    metafile: true,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    mainFields: ['es2015', 'module', 'main'],
    // A namespace import used for a name the stub lacks would be undefined: make it an error.
    logOverride: { 'import-is-undefined': 'error' },
    ...(lazy === undefined ? {} : { plugins: [lazyRequires(lazy)] }),
    logLevel: 'error',
  });
  const output = result.outputFiles[0]?.text;
  if (output === undefined) throw new Error(`${name}: esbuild wrote no bundle`);
  const bundle = toCommonJs(name, output);
  const requireFromLayer = createRequire(join(modules, 'index.js'));
  assertLazyCoverage(spec, bundle, Object.keys(result.metafile.inputs), requireFromLayer);
  rmSync(folder, { recursive: true });
  mkdirSync(folder);
  writeFileSync(join(folder, 'index.js'), bundle);
  const single = { name, version: manifest.version, license: manifest.license, main: 'index.js' };
  writeFileSync(join(folder, 'package.json'), `${JSON.stringify(single, null, 2)}\n`);
  for (const [path, contents] of Object.entries(spec.shims ?? {})) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), contents);
  }
  assertShimsShareObjects(spec, requireFromLayer);
  return requiredSpecifiers(bundle).filter(
    (specifier) => !builtinModules.includes(specifier.replace(/^node:/, '')),
  );
}
