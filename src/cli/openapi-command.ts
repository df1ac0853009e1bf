import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CliError, CliUsageError, ExitCode } from './cli-errors';
import type { Command } from './command';
import { parseCommandLine } from './parse-command-line';

const USAGE = `Usage: lambda-controllers openapi [--function DIR] [--layer DIR] [--out FILE]

Writes the OpenAPI 3.1 document of a built function, built from exactly what deploys: its
routes.js loaded through the layer's main.handler, in a child process set up as Lambda sets
one up.

Options:
  --function DIR   the built function (default: the only folder in layer-dist/functions)
  --layer DIR      the layer's nodejs/node_modules (default: layer-dist/nodejs/node_modules)
  --title TEXT     info.title (default: your package.json's name)
  --version TEXT   info.version (default: your package.json's version)
  --out FILE       where to write it (default: stdout)
  -h, --help       show this help`;

// Runs in the child: the layer's main.js as the runtime loads it, and the OpenAPI entry of the
// same framework copy, never the CLI's own.
const EMITTER = `
const { createRequire } = require('node:module');
const { join } = require('node:path');
const layer = process.env.NODE_PATH;
const layerRequire = createRequire(join(layer, 'main.js'));
const main = layerRequire(join(layer, 'main.js'));
const openapi = layerRequire('lambda-controllers/openapi');
const [title, version] = process.argv.slice(1);
main.loadHandler().then(
  (handler) => process.stdout.write(JSON.stringify(openapi.buildOpenApiDocument(handler, { title, version }), null, 2) + '\\n'),
  (error) => { process.stderr.write(error.message + '\\n'); process.exitCode = 1; },
);`;

function projectInfo(cwd: string): { name: string; version: string } {
  const file = join(cwd, 'package.json');
  const manifest: unknown = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const field = (key: string): unknown =>
    typeof manifest === 'object' && manifest !== null ? Reflect.get(manifest, key) : undefined;
  const name = field('name');
  const version = field('version');
  return {
    name: typeof name === 'string' ? name : 'API',
    version: typeof version === 'string' ? version : '0.0.0',
  };
}

function defaultFunction(cwd: string): string {
  const functions = join(cwd, 'layer-dist/functions');
  const dirs = existsSync(functions)
    ? readdirSync(functions).filter((name) => statSync(join(functions, name)).isDirectory())
    : [];
  const [only] = dirs;
  if (only === undefined || dirs.length > 1) {
    throw new CliUsageError(
      `lambda-controllers openapi: name the function with --function DIR (${functions} holds ` +
        `${dirs.length === 0 ? 'none' : JSON.stringify(dirs)}).`,
    );
  }
  return join(functions, only);
}

export const openapiCommand: Command = {
  name: 'openapi',
  summary: "write a built function's OpenAPI 3.1 document",
  usage: USAGE,
  async run(argv, cwd) {
    const { values, positionals } = parseCommandLine('openapi', argv, {
      function: { type: 'string' },
      layer: { type: 'string' },
      title: { type: 'string' },
      version: { type: 'string' },
      out: { type: 'string' },
    });
    if (values.help === true) {
      console.log(USAGE);
      return ExitCode.Ok;
    }
    if (positionals.length > 0) {
      throw new CliUsageError(
        `lambda-controllers openapi takes no arguments besides flags; got ${JSON.stringify(positionals)}`,
      );
    }
    const functionDir =
      values.function === undefined ? defaultFunction(cwd) : resolve(cwd, values.function);
    const layer = resolve(cwd, values.layer ?? 'layer-dist/nodejs/node_modules');
    for (const [needed, hint] of [
      [join(functionDir, 'routes.js'), 'lambda-controllers build'],
      [join(layer, 'main.js'), 'lambda-controllers layer'],
    ] as const) {
      if (!existsSync(needed)) throw new CliError(`${needed} is missing: run "${hint}" first.`);
    }
    const info = projectInfo(cwd);
    // A copy outside the project, as Lambda unpacks to /var/task: the function then reaches the
    // layer's packages only, never the project's node_modules.
    const taskRoot = mkdtempSync(join(tmpdir(), 'lambda-task-openapi-'));
    try {
      cpSync(functionDir, taskRoot, { recursive: true });
      const child = spawnSync(
        process.execPath,
        ['-e', EMITTER, values.title ?? info.name, values.version ?? info.version],
        {
          cwd: taskRoot,
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024,
          env: {
            PATH: process.env['PATH'] ?? '/usr/bin:/bin',
            NODE_PATH: layer,
            LAMBDA_TASK_ROOT: taskRoot,
            AWS_REGION: process.env['AWS_REGION'] ?? 'us-east-1',
          },
        },
      );
      if (child.status !== 0) {
        throw new CliError(`Building the OpenAPI document failed:\n${child.stderr.trim()}`);
      }
      if (values.out === undefined) process.stdout.write(child.stdout);
      else writeFileSync(resolve(cwd, values.out), child.stdout);
    } finally {
      rmSync(taskRoot, { recursive: true, force: true });
    }
    return ExitCode.Ok;
  },
};
