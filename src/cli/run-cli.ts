import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCommand } from './build-command';
import { CliUsageError, ExitCode } from './cli-errors';
import type { Command } from './command';
import { layerCommand } from './layer-command';
import { invokeCommand, startCommand } from './local-commands';
import { openapiCommand } from './openapi-command';
import { PACKAGE_ROOT } from './package-root';
import { tokenCommand } from './token-command';

const COMMANDS: readonly Command[] = [
  buildCommand,
  layerCommand,
  startCommand,
  invokeCommand,
  openapiCommand,
  tokenCommand,
];

function usage(): string {
  const width = COMMANDS.reduce((widest, { name }) => Math.max(widest, name.length), 0);
  return [
    'Usage: lambda-controllers <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map(({ name, summary }) => `  ${name.padEnd(width)}  ${summary}`),
    '',
    '"lambda-controllers <command> --help" tells more about one.',
  ].join('\n');
}

function version(): string {
  const manifest: unknown = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8'));
  const value: unknown =
    typeof manifest === 'object' && manifest !== null ? Reflect.get(manifest, 'version') : '';
  return String(value);
}

/** Runs the command line `argv` (without node and the script); resolves to the exit code. */
export async function runCli(argv: readonly string[], cwd: string): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name === undefined ? ExitCode.Usage : ExitCode.Ok;
  }
  if (name === '--version' || name === '-v') {
    console.log(version());
    return ExitCode.Ok;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (command === undefined) {
    throw new CliUsageError(`Unknown command ${JSON.stringify(name)}.\n\n${usage()}`);
  }
  return command.run(rest, cwd);
}
