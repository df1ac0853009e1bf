import { join, relative, resolve } from 'node:path';
import { writeDeterministicZip } from '../build/deterministic-zip';
import { assembleLayer } from './assemble-layer';
import { CliUsageError, ExitCode } from './cli-errors';
import type { Command } from './command';
import { declaredLayerPackages } from './layer-dependencies';
import { PACKAGE_ROOT } from './package-root';
import { parseCommandLine } from './parse-command-line';

const USAGE = `Usage: lambda-controllers layer [--out DIR]

Builds the Lambda layer every function runs on: DIR/nodejs/node_modules with main.js (the
handler main.handler), lambda-controllers, one copy of each runtime package (reflect-metadata,
class-validator, class-transformer and their dependencies) and the packages your package.json
lists under "lambdaControllers": { "layer": [...] }; then its deterministic DIR/layer.zip.

Options:
  --out DIR     where the layer goes (default: layer-dist)
  -h, --help    show this help`;

export const layerCommand: Command = {
  name: 'layer',
  summary: 'build the layer (main.handler, the framework, runtime packages) and layer.zip',
  usage: USAGE,
  async run(argv, cwd) {
    const { values, positionals } = parseCommandLine('layer', argv, { out: { type: 'string' } });
    if (values.help === true) {
      console.log(USAGE);
      return ExitCode.Ok;
    }
    if (positionals.length > 0) {
      throw new CliUsageError(
        `lambda-controllers layer takes no arguments besides flags; got ${JSON.stringify(positionals)}`,
      );
    }
    if (values.out === '')
      throw new CliUsageError('lambda-controllers layer: --out takes a folder');
    const out = resolve(cwd, values.out ?? 'layer-dist');
    const packages = assembleLayer(PACKAGE_ROOT, declaredLayerPackages(cwd), out, cwd);
    const zip = writeDeterministicZip(join(out, 'nodejs'), join(out, 'layer.zip'), 'nodejs/');
    console.log(
      `${relative(cwd, join(out, 'layer.zip'))} (${zip.entries} files, ` +
        `${(zip.bytes / 1024 / 1024).toFixed(2)} MB, ${packages} packages)`,
    );
    return ExitCode.Ok;
  },
};
