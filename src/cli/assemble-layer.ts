import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { FRAMEWORK_PACKAGES } from '../build/layer-packages';
import { CliError } from './cli-errors';

const PACKAGE_NAME = 'lambda-controllers';

interface Manifest {
  readonly name: string;
  readonly version: string;
  readonly dependencies: Readonly<Record<string, string>>;
}

function readManifest(dir: string): Manifest {
  const raw: unknown = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const field = (key: string): unknown =>
    typeof raw === 'object' && raw !== null ? Reflect.get(raw, key) : undefined;
  const name = field('name');
  const version = field('version');
  const dependencies = field('dependencies');
  return {
    name: typeof name === 'string' ? name : '',
    version: typeof version === 'string' ? version : '',
    dependencies:
      typeof dependencies === 'object' && dependencies !== null
        ? (dependencies as Record<string, string>)
        : {},
  };
}

/** The folder of package `name` as Node would find it from `fromDir`, ignoring `exports`. */
function findPackage(name: string, fromDir: string): string | undefined {
  let dir = fromDir;
  for (;;) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * Every package `roots` need at run time, with the folder each is installed in: the roots, then
 * their dependencies, transitively. A layer has one flat node_modules, so two versions of one
 * package are refused rather than one silently shadowing the other.
 */
export function runtimePackages(
  roots: ReadonlyArray<{ readonly name: string; readonly from: string }>,
): Map<string, { dir: string; version: string }> {
  const found = new Map<string, { dir: string; version: string }>();
  const pending = roots.map(({ name, from }) => ({ name, from, wantedBy: 'the layer' }));
  for (let next = pending.shift(); next !== undefined; next = pending.shift()) {
    const dir = findPackage(next.name, next.from);
    if (dir === undefined) {
      throw new CliError(
        `${next.name}, needed by ${next.wantedBy}, is not installed: npm i ${next.name}`,
      );
    }
    const manifest = readManifest(dir);
    const seen = found.get(next.name);
    if (seen !== undefined) {
      if (seen.version !== manifest.version) {
        throw new CliError(
          `The layer holds one copy of each package, but ${next.name} is installed at ` +
            `${seen.version} and ${manifest.version} (needed by ${next.wantedBy}).`,
        );
      }
      continue;
    }
    found.set(next.name, { dir, version: manifest.version });
    for (const dependency of Object.keys(manifest.dependencies)) {
      pending.push({ name: dependency, from: dir, wantedBy: next.name });
    }
  }
  return found;
}

/**
 * Writes `out/nodejs/node_modules`: main.js (main.handler), the framework package from
 * `packageRoot` without its command line, and one copy of every runtime package.
 *
 * @returns How many packages the layer holds.
 */
export function assembleLayer(
  packageRoot: string,
  extraPackages: readonly string[],
  out: string,
  cwd: string,
): number {
  const modules = join(out, 'nodejs', 'node_modules');
  rmSync(join(out, 'nodejs'), { recursive: true, force: true });
  mkdirSync(modules, { recursive: true });
  const framework = join(modules, PACKAGE_NAME);
  for (const part of ['package.json', 'dist', 'openapi', 'testing']) {
    if (!existsSync(join(packageRoot, part))) continue;
    cpSync(join(packageRoot, part), join(framework, part), {
      recursive: true,
      // The command line and the local runner are development tools; the layer carries what
      // functions run.
      filter: (source) =>
        source !== join(packageRoot, 'dist', 'cli') &&
        source !== join(packageRoot, 'dist', 'local'),
    });
  }
  writeFileSync(
    join(modules, 'main.js'),
    `'use strict';\nmodule.exports = require('./${PACKAGE_NAME}/dist/main.js');\n`,
  );
  // The framework's own dependencies resolve from where it is installed, the user's from their
  // project.
  const packages = runtimePackages([
    ...FRAMEWORK_PACKAGES.filter((name) => name !== PACKAGE_NAME).map((name) => ({
      name,
      from: packageRoot,
    })),
    ...extraPackages.map((name) => ({ name, from: cwd })),
  ]);
  for (const [name, { dir }] of packages) {
    cpSync(dir, join(modules, name), {
      recursive: true,
      filter: (source) => !source.slice(dir.length).includes('/node_modules'),
    });
  }
  return packages.size + 1;
}
