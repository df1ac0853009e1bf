// The `lambda-controllers` command: runs the subcommand and turns its outcome into an exit code a
// CI can use (0 done, 1 failed, 2 wrong command line).
import { CliError, CliUsageError, ExitCode } from './cli-errors';
import { runCli } from './run-cli';

runCli(process.argv.slice(2), process.cwd()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // The user's to fix, and the message says how; a stack trace would bury it.
    if (error instanceof CliUsageError || error instanceof CliError) console.error(error.message);
    else console.error(error);
    process.exitCode = error instanceof CliUsageError ? ExitCode.Usage : ExitCode.Failed;
  },
);
