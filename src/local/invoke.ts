// `npm run invoke -- EVENT.json`: one event through the function, loaded exactly as `npm start`
// loads it, like `sam local invoke`. The result goes to stdout; the function's logs to stderr.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { JavaRequiredError } from '../../sample-api/local/dynamodb-local.ts';
import { parseLocalArgs, USAGE, UsageError } from './cli-options';
import { openDatabase } from './database';
import { FunctionError, FunctionProcess } from './function-process';
import { formatDuration } from './log-line';

function readEvent(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`Cannot read the event file ${file}: ${String(error)}`, { cause: error });
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
  // Signals would otherwise kill this process without running the 'exit' hook that ends Java.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));
  const database = await openDatabase(options.database, options.table);
  try {
    const fn = await FunctionProcess.start({
      functionDir: options.functionDir,
      functionName: options.functionName,
      memoryMb: options.memoryMb,
      timeoutMs: options.timeoutSeconds * 1000,
      env: { ...database.env, ...options.env },
      onOutput: (line) => console.error(line),
    });
    const awsRequestId = randomUUID();
    const started = performance.now();
    try {
      const result = await fn.invoke(event, { awsRequestId });
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
      await fn.stop();
    }
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
  else if (error instanceof JavaRequiredError) console.error(error.message);
  else console.error(error instanceof Error ? error.message : error);
  process.exit(error instanceof UsageError ? 2 : 1);
});
