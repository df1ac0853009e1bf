// `npm run invoke -- EVENT.json`: one event through the function, loaded exactly as `npm start`
// loads it, like `sam local invoke`. The result goes to stdout; the function's logs to stderr.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { messageOf } from '../errors/message-of';
import { Cleanups } from './cleanups';
import { parseLocalArgs, USAGE, UsageError } from './cli-options';
import { FunctionError, FunctionProcess } from './function-process';
import { formatDuration } from './log-line';
import { describeServicesError, openServices, ServicesError } from './start-services';

const aborting = new AbortController();

function readEvent(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`Cannot read the event file ${file}: ${String(error)}`, { cause: error });
  }
}

/** `promise`, or a rejection with the abort reason as soon as Ctrl-C or SIGTERM arrives. */
function untilAborted<T>(promise: Promise<T>): Promise<T> {
  const { signal } = aborting;
  return new Promise((settle, fail) => {
    const onAbort = (): void => fail(signal.reason);
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    void promise.then(settle, fail).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

async function invokeOnce(fn: FunctionProcess, event: unknown): Promise<void> {
  const awsRequestId = randomUUID();
  const started = performance.now();
  try {
    const result = await untilAborted(fn.invoke(event, { awsRequestId }));
    console.log(JSON.stringify(result, null, 2));
  } catch (error) {
    // Lambda answers a failed invocation with the error document; print it the same way.
    if (!(error instanceof FunctionError)) throw error;
    const { errorType, errorMessage, stack } = error.runtimeError;
    console.log(JSON.stringify({ errorType, errorMessage, trace: stack }, null, 2));
    process.exitCode = 1;
  } finally {
    console.error(
      `REPORT RequestId: ${awsRequestId} Duration: ${formatDuration(performance.now() - started)}`,
    );
  }
}

async function main(): Promise<void> {
  const options = parseLocalArgs(process.argv.slice(2), process.env, 'invoke');
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const [file, ...extra] = options.positionals;
  if (file === undefined || extra.length > 0) {
    throw new UsageError(
      'npm run invoke takes exactly one event file, e.g. sample-api/events/apigw-http-list-users.json',
    );
  }
  const event = readEvent(resolve(options.base, file));
  // The first Ctrl-C or SIGTERM stops the services and the worker; a second one exits at once.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => (aborting.signal.aborted ? process.exit(130) : aborting.abort()));
  }
  const cleanups = new Cleanups();
  try {
    const services = await openServices(options.services, {
      command: 'invoke',
      functionDir: options.functionDir,
      env: process.env,
      // stdout carries the result alone.
      log: (line) => console.error(line),
      signal: aborting.signal,
    });
    cleanups.add(() => services.stop());
    aborting.signal.throwIfAborted();
    const fn = await FunctionProcess.start({
      functionDir: options.functionDir,
      functionName: options.functionName,
      memoryMb: options.memoryMb,
      timeoutMs: options.timeoutSeconds * 1000,
      env: { ...services.env, ...options.env },
      onOutput: (line) => console.error(line),
    });
    cleanups.add(() => fn.stop());
    await invokeOnce(fn, event);
  } catch (error) {
    // The error that stopped the run is the one to report; a failure to clean up is only logged.
    await cleanups.run().catch((cleanupError: unknown) => {
      console.error(`Stopping after the failure failed too: ${messageOf(cleanupError)}`);
    });
    throw error;
  }
  await cleanups.run();
}

main().catch((error: unknown) => {
  if (aborting.signal.aborted) process.exit(130);
  if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
  else if (error instanceof ServicesError) console.error(describeServicesError(error));
  else console.error(messageOf(error));
  process.exit(error instanceof UsageError ? 2 : 1);
});
