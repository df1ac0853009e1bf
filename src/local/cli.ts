// `npm start`: serves a built function as a local HTTP API. Flags are read here; everything else
// lives in local-stack.ts.
import { parseLocalArgs, USAGE, UsageError } from './cli-options';
import { FunctionError } from './function-process';
import { LocalStackError, type RunningStack, startLocalStack } from './local-stack';
import { useColour } from './log-line';
import { describeServicesError, ServicesError } from './start-services';

const aborting = new AbortController();

async function main(): Promise<void> {
  const options = parseLocalArgs(process.argv.slice(2), process.env, 'serve');
  if (options.help) {
    console.log(USAGE);
    return;
  }
  let stack: RunningStack | undefined;
  let stopping = false;
  const stop = (): void => {
    // A second Ctrl-C exits at once; workers leave when their IPC channel to this process closes.
    if (stopping) process.exit(130);
    stopping = true;
    if (stack === undefined) {
      // Still starting: the start stops what it has started (the services too) and rejects.
      console.error('Stopping: undoing the start in progress (Ctrl-C again exits at once).');
      aborting.abort();
      return;
    }
    stack.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // Started by a test or the load run with an IPC channel: stop when that parent goes away.
  if (process.send !== undefined) process.on('disconnect', stop);
  stack = await startLocalStack(options, {
    output: { info: (line) => console.log(line), error: (line) => console.error(line) },
    colour: useColour(process.stdout, process.env),
    env: process.env,
    signal: aborting.signal,
  });
}

main().catch((error: unknown) => {
  if (aborting.signal.aborted) process.exit(130);
  // These are the user's to fix and say how; a stack trace would bury that.
  if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
  else if (error instanceof ServicesError) console.error(describeServicesError(error));
  else if (error instanceof LocalStackError) console.error(error.message);
  else if (error instanceof Error && error.cause instanceof FunctionError) {
    console.error(
      `The function failed to initialize (npm start -- --watch keeps serving):\n${error.message}`,
    );
  } else console.error(error);
  process.exit(error instanceof UsageError ? 2 : 1);
});
