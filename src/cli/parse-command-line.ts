import { type ParseArgsConfig, parseArgs } from 'node:util';
import { CliUsageError } from './cli-errors';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * `parseArgs` in strict mode, with `--help`/`-h` always known; its errors (unknown flags, missing
 * values) become usage errors that name the command.
 */
export function parseCommandLine<T extends Options>(
  command: string,
  argv: readonly string[],
  options: T,
) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new CliUsageError(`lambda-controllers ${command}: ${message}`, { cause: error });
  }
}
