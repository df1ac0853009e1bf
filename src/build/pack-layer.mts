// Completes `npm run build` after tsup: gives the layer's lambda-controllers its package.json,
// puts main.js where the runtime finds it, copies the runtime dependencies once each, and writes
// deterministic zips of the layer and of every built function. Run by Node directly (type
// stripping), so imports carry `.ts`.
// class-validator and class-transformer become one file each (see layer-package-bundles.ts).
import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeDeterministicZip } from './deterministic-zip.ts';
import { bundleColdStart, bundleLayerPackages } from './layer-package-bundles.ts';
import { FRAMEWORK_PACKAGES, ON_DEMAND_PACKAGES } from './layer-packages.ts';
import { ROUTE_MANIFEST, writeRouteManifests } from './route-manifest.mts';

const ROOT = resolve(import.meta.dirname, '../..');
/** The package's build, as `npm pack` ships it: the layer's framework, and the command line. */
const PACKAGE_DIST = join(ROOT, 'dist');
const DIST = join(ROOT, 'layer-dist');
const LAYER_MODULES = join(DIST, 'nodejs/node_modules');
const PACKAGE_NAME = 'lambda-controllers';
/** The package's subpath entries, besides its main one. */
const SUBPATHS = ['openapi', 'testing'];
/** The packages whose metadata must exist once in a process. */
const SINGLETONS: readonly string[] = FRAMEWORK_PACKAGES;

interface LockEntry {
  readonly dev?: boolean;
  readonly link?: boolean;
  readonly version?: string;
}

interface PackageJson {
  readonly name: string;
  readonly version: string;
  readonly description?: string;
  readonly license?: string;
  readonly dependencies?: Record<string, string>;
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

function writePackageManifest(root: PackageJson): void {
  const frameworkDeps = [
    ...FRAMEWORK_PACKAGES.filter((name) => name !== PACKAGE_NAME),
    ...ON_DEMAND_PACKAGES,
  ];
  const manifest = {
    name: PACKAGE_NAME,
    version: root.version,
    description: root.description,
    license: root.license,
    type: 'commonjs',
    engines: { node: '>=22' },
    main: './dist/index.js',
    types: './dist/index.d.ts',
    // No `exports` map: Node's first resolution through one costs about 2.5 ms, and every cold
    // start resolves `lambda-controllers` from routes.js. The subpaths are files of their own.
    files: ['dist', ...SUBPATHS],
    dependencies: Object.fromEntries(
      frameworkDeps.map((name) => [name, root.dependencies?.[name] ?? '*']),
    ),
  };
  writeFileSync(
    join(LAYER_MODULES, PACKAGE_NAME, 'package.json'),
    `${JSON.stringify(manifest, null, 2)}\n`,
  );
  // `lambda-controllers/openapi` and `/testing` are extensionless CommonJS files: `require` finds
  // such a file by its exact name, and so does an ES-module `import`, which, without an
  // `exports` map, neither adds an extension nor enters a folder.
  for (const name of SUBPATHS) {
    writeFileSync(
      join(LAYER_MODULES, PACKAGE_NAME, name),
      `'use strict';\nmodule.exports = require('./dist/${name}.js');\n`,
    );
  }
}

/**
 * The runtime resolves `main.handler` to `main.js` at the root of the layer's node_modules (through
 * NODE_PATH). The handler itself is built inside the package, sharing its chunks.
 */
function writeMainEntry(): void {
  writeFileSync(
    join(LAYER_MODULES, 'main.js'),
    `'use strict';\nmodule.exports = require('./${PACKAGE_NAME}/dist/main.js');\n`,
  );
}

/** Gives the package's dist/ the framework tsup built into the layer, beside dist/cli. */
function copyFrameworkToPackage(): void {
  cpSync(join(LAYER_MODULES, PACKAGE_NAME, 'dist'), PACKAGE_DIST, { recursive: true });
}

/**
 * Runtime dependencies of the local server's /docs page, not of functions: swagger-ui-dist and
 * what it depends on. They stay out of the layer.
 */
const LOCAL_ONLY_PACKAGES = new Set(['node_modules/swagger-ui-dist', 'node_modules/@scarf/scarf']);

/** Copies every non-dev package of the lockfile, keeping its place in the node_modules tree. */
function copyRuntimeDependencies(): string[] {
  const lock = readJson<{ packages: Record<string, LockEntry> }>(join(ROOT, 'package-lock.json'));
  const locations = Object.entries(lock.packages)
    .filter(
      ([location, entry]) =>
        location.startsWith('node_modules/') &&
        entry.dev !== true &&
        entry.link !== true &&
        !LOCAL_ONLY_PACKAGES.has(location),
    )
    .map(([location]) => location)
    .filter((location) => existsSync(join(ROOT, location)))
    .sort();
  for (const location of locations) {
    const from = join(ROOT, location);
    // Nested node_modules are lockfile entries of their own (and may be dev-only): copied apart.
    cpSync(from, join(DIST, 'nodejs', location), {
      recursive: true,
      filter: (source) => source === from || !source.slice(from.length).includes('/node_modules'),
    });
  }
  return locations;
}

/** Every runtime package must exist once in the layer, so no two copies can split metadata. */
function assertSingleCopies(locations: readonly string[]): void {
  const byName = new Map<string, string[]>();
  for (const location of locations) {
    const name = location.slice(location.lastIndexOf('node_modules/') + 'node_modules/'.length);
    byName.set(name, [...(byName.get(name) ?? []), location]);
  }
  const duplicated = [...byName].filter(([, copies]) => copies.length > 1);
  if (duplicated.length > 0) {
    throw new Error(
      `The layer must hold one copy of each package; the lockfile gives ${JSON.stringify(duplicated)}.`,
    );
  }
  for (const name of SINGLETONS.filter((singleton) => singleton !== PACKAGE_NAME)) {
    if (!byName.has(name)) throw new Error(`${name} is missing from the runtime dependencies.`);
  }
}

function zipFunctions(): string[] {
  const functionsDir = join(DIST, 'functions');
  if (!existsSync(functionsDir)) return [];
  return readdirSync(functionsDir)
    .filter((name) => statSync(join(functionsDir, name)).isDirectory())
    .map((name) => {
      // The manifest is for the deployment, not for Lambda: it stays out of the zip.
      const zip = writeDeterministicZip(
        join(functionsDir, name),
        join(functionsDir, `${name}.zip`),
        '',
        new Set([ROUTE_MANIFEST]),
      );
      return `layer-dist/functions/${name}.zip (${zip.entries} files, ${(zip.bytes / 1024).toFixed(1)} KB)`;
    });
}

async function main(): Promise<void> {
  const entries = ['index', ...SUBPATHS].flatMap((name) => [`${name}.js`, `${name}.d.ts`]);
  for (const built of [...entries, 'main.js']) {
    if (!existsSync(join(LAYER_MODULES, PACKAGE_NAME, 'dist', built)))
      throw new Error(
        `${PACKAGE_NAME}/dist/${built} is missing under ${LAYER_MODULES}: run tsup first.`,
      );
  }
  copyFrameworkToPackage();
  writePackageManifest(readJson<PackageJson>(join(ROOT, 'package.json')));
  writeMainEntry();
  const locations = copyRuntimeDependencies();
  assertSingleCopies(locations);
  await bundleLayerPackages(LAYER_MODULES);
  await bundleColdStart(LAYER_MODULES);
  const layer = writeDeterministicZip(join(DIST, 'nodejs'), join(DIST, 'layer.zip'), 'nodejs/');
  const functionsDir = join(DIST, 'functions');
  // Before the zips: the manifest travels with the function it describes.
  const manifests = existsSync(functionsDir)
    ? writeRouteManifests(functionsDir, LAYER_MODULES)
    : [];
  const lines = [
    `layer-dist/layer.zip (${layer.entries} files, ${(layer.bytes / 1024 / 1024).toFixed(2)} MB, ${locations.length} packages)`,
    ...zipFunctions(),
    ...manifests,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();
