import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, extname, join, relative, resolve } from 'node:path';
import { writeDeterministicZip } from '../build/deterministic-zip';
import { AWS_SDK_SCOPE, FRAMEWORK_PACKAGES } from '../build/layer-packages';
import {
  type DescribedRoute,
  ROUTE_MANIFEST,
  type RouteManifest,
  routeManifest,
} from '../build/route-manifest-shape';
import { messageOf } from '../errors/message-of';
import { CliError, CliUsageError, ExitCode } from './cli-errors';
import type { Command } from './command';
import { declaredLayerPackages } from './layer-dependencies';
import { PACKAGE_ROOT } from './package-root';
import { parseCommandLine } from './parse-command-line';

const USAGE = `Usage: lambda-controllers build [entry.ts ...] [--out DIR]

Builds each function's routes module into DIR/<name>/routes.js, with decorator metadata and the
layer's packages (the framework, reflect-metadata, class-validator, class-transformer, @aws-sdk/*
and your package.json's "lambdaControllers.layer" list) left external, then writes its
deterministic DIR/<name>.zip, and DIR/<name>/routes.json: every route key with its authorization
(NONE, or JWT and the scopes of @Authorized), which Terraform creates the API routes from.
<name> is the entry's folder for a routes.ts, else its file name.

Arguments:
  entry.ts      a routes module exporting \`routes\` (default: routes.ts)

Options:
  --out DIR     where functions go (default: layer-dist/functions)
  -h, --help    show this help

Needs tsup and @swc/core (npm i -D tsup @swc/core), and "experimentalDecorators" and
"emitDecoratorMetadata" in tsconfig.json.`;

/** What a function build needs of tsup. */
type TsupBuild = (options: Record<string, unknown>) => Promise<void>;

function loadTsup(cwd: string): TsupBuild {
  const missing = ['tsup', '@swc/core'].filter((name) => !resolvable(name, cwd));
  if (missing.length > 0) {
    throw new CliError(
      `lambda-controllers build needs ${missing.join(' and ')} to compile decorators with their ` +
        `metadata: npm i -D ${missing.join(' ')}`,
    );
  }
  // Loaded from the user's project, which pins its version.
  const tsup: unknown = require(require.resolve('tsup', { paths: [cwd] }));
  const build: unknown =
    typeof tsup === 'object' && tsup !== null ? Reflect.get(tsup, 'build') : undefined;
  if (typeof build !== 'function') throw new CliError('The installed tsup exports no build().');
  return build as TsupBuild;
}

function resolvable(name: string, cwd: string): boolean {
  try {
    require.resolve(`${name}/package.json`, { paths: [cwd] });
    return true;
  } catch (error) {
    // Not installed, or installed without exposing package.json: decided by its main entry.
    if (!(error instanceof Error)) throw error;
    try {
      require.resolve(name, { paths: [cwd] });
      return true;
    } catch (second) {
      if (second instanceof Error && Reflect.get(second, 'code') === 'MODULE_NOT_FOUND') {
        return false;
      }
      throw second;
    }
  }
}

/** `sample-api` for `sample-api/routes.ts`; `orders` for `src/orders.ts`. */
export function functionName(entry: string): string {
  const file = basename(entry, extname(entry));
  return file === 'routes' ? basename(dirname(resolve(entry))) : file;
}

/**
 * Refuses a bundle whose decorators were compiled without `design:paramtypes`: esbuild alone
 * (`__decorateClass`) or a tsconfig without `emitDecoratorMetadata`. `@Body()` could not find its
 * DTO in it, and main.handler would fail at cold start.
 */
export function assertDecoratorMetadata(code: string, entry: string): void {
  const decorated = /\b(__decorate|_ts_decorate|__decorateClass|__decorateParam)\(/.test(code);
  if (decorated && !code.includes('design:paramtypes')) {
    throw new CliError(
      `${entry} was built without decorator metadata (no design:paramtypes in the output): set ` +
        '"experimentalDecorators" and "emitDecoratorMetadata" in tsconfig.json, and install ' +
        '@swc/core, which tsup compiles decorators with.',
    );
  }
}

/**
 * Runs `script` in a child Node on the built module `file`, as main.handler would load it: the
 * packages it leaves external resolve through NODE_PATH, as they do on Lambda (this package, and
 * the project's node_modules for the rest). Returns what the script prints, parsed as JSON.
 */
function inChild(script: string, file: string, cwd: string): unknown {
  const modules = mkdtempSync(join(tmpdir(), 'lambda-controllers-build-'));
  try {
    symlinkSync(PACKAGE_ROOT, join(modules, 'lambda-controllers'), 'dir');
    const child = spawnSync(process.execPath, ['-e', script, file], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, NODE_PATH: [modules, join(cwd, 'node_modules')].join(delimiter) },
    });
    if (child.status !== 0) {
      throw new CliError(`Loading ${file} failed:\n${child.stderr.trim()}`);
    }
    return JSON.parse(child.stdout);
  } finally {
    rmSync(modules, { recursive: true, force: true });
  }
}

/** The names the built module exports. */
function exportsOf(file: string, cwd: string): string[] {
  const script =
    'const m = require(process.argv[1]); process.stdout.write(JSON.stringify(Object.keys(m)));';
  const names = inChild(script, file, cwd);
  return Array.isArray(names) ? names.map(String) : [];
}

// The handler main.handler would make (`routes` with `handlerOptions`), described by the same
// framework copy: its routes and what each requires.
const DESCRIBE_ROUTES = `
const m = require(process.argv[1]);
const { createHandler } = require('lambda-controllers');
const { describeRoutes } = require('lambda-controllers/openapi');
const routes = describeRoutes(createHandler(m.routes, m.handlerOptions));
process.stdout.write(JSON.stringify(routes.map(({ method, path, authorization }) => ({ method, path, authorization }))));
`;

/** The route manifest of the built function: every route key and its authorization. */
function manifestOf(file: string, name: string, cwd: string): RouteManifest {
  // Printed by DESCRIBE_ROUTES from describeRoutes, in exactly this shape.
  return routeManifest(name, inChild(DESCRIBE_ROUTES, file, cwd) as DescribedRoute[]);
}

async function buildFunction(
  build: TsupBuild,
  entry: string,
  out: string,
  cwd: string,
): Promise<string> {
  const source = resolve(cwd, entry);
  if (!existsSync(source)) throw new CliError(`No entry file ${entry} (looked for ${source}).`);
  const name = functionName(source);
  const outDir = join(out, name);
  const tsconfig = join(cwd, 'tsconfig.json');
  const external = [
    ...FRAMEWORK_PACKAGES,
    new RegExp(`^${AWS_SDK_SCOPE}`),
    ...declaredLayerPackages(cwd),
  ];
  try {
    await build({
      entry: { routes: source },
      outDir,
      format: ['cjs'],
      platform: 'node',
      target: 'node22',
      sourcemap: true,
      splitting: false,
      clean: true,
      config: false,
      silent: true,
      external,
      ...(existsSync(tsconfig) ? { tsconfig } : {}),
    });
  } catch (error) {
    throw new CliError(`Building ${entry} failed: ${messageOf(error)}`, { cause: error });
  }
  const built = join(outDir, 'routes.js');
  try {
    assertDecoratorMetadata(readFileSync(built, 'utf8'), entry);
    const names = exportsOf(built, cwd);
    if (!names.includes('routes')) {
      throw new CliError(
        `${entry} has no export "routes" (its exports: ${JSON.stringify(names)}): export the ` +
          'controller class, or an array of them, as `routes`.',
      );
    }
    const manifest = manifestOf(built, name, cwd);
    writeFileSync(join(outDir, ROUTE_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  } catch (error) {
    // A function that would fail at cold start is not left where deploys and start pick it up.
    rmSync(outDir, { recursive: true, force: true });
    throw error;
  }
  // The manifest is for the deployment (Terraform reads it), not for Lambda.
  const zip = writeDeterministicZip(
    outDir,
    join(out, `${name}.zip`),
    '',
    new Set([ROUTE_MANIFEST]),
  );
  return `${relative(cwd, join(out, `${name}.zip`))} (${zip.entries} files, ${(zip.bytes / 1024).toFixed(1)} KB)`;
}

export const buildCommand: Command = {
  name: 'build',
  summary: "build each function's routes.js, its deterministic zip and its route manifest",
  usage: USAGE,
  async run(argv, cwd) {
    const { values, positionals } = parseCommandLine('build', argv, {
      out: { type: 'string' },
    });
    if (values.help === true) {
      console.log(USAGE);
      return ExitCode.Ok;
    }
    if (values.out === '')
      throw new CliUsageError('lambda-controllers build: --out takes a folder');
    const out = resolve(cwd, values.out ?? 'layer-dist/functions');
    const entries = positionals.length > 0 ? positionals : ['routes.ts'];
    const build = loadTsup(cwd);
    for (const entry of entries) console.log(await buildFunction(build, entry, out, cwd));
    return ExitCode.Ok;
  },
};
