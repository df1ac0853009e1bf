import { once } from 'node:events';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { formatBanner } from './banner';
import type { LocalOptions } from './cli-options';
import { openDatabase } from './database';
import { FunctionHost } from './function-host';
import { createLocalServer } from './server';
import { watchFunction } from './watch';

/** Where the stack writes: request lines and function output, and problems. */
export interface StackOutput {
  info(line: string): void;
  error(line: string): void;
}

export interface RunningStack {
  /** `http://localhost:<port>`, with `/<stage>` on a named stage. */
  readonly url: string;
  /** Stops the watcher, the server, the workers and DynamoDB Local (Java included). */
  stop(): Promise<void>;
}

/** The stack cannot start for a reason the user fixes (a busy port, an unbuilt function). */
export class LocalStackError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LocalStackError';
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function listen(server: Server, port: number): Promise<number> {
  server.listen(port, '127.0.0.1');
  try {
    await once(server, 'listening');
  } catch (error) {
    const inUse =
      typeof error === 'object' && error !== null && Reflect.get(error, 'code') === 'EADDRINUSE';
    if (!inUse) throw error;
    throw new LocalStackError(`Port ${port} is already in use: pass --port or set PORT.`, {
      cause: error,
    });
  }
  const address = server.address();
  return typeof address === 'object' && address !== null ? address.port : port;
}

async function close(server: Server): Promise<void> {
  const closed = once(server, 'close');
  server.close();
  // Keep-alive connections would hold close() open until they time out.
  server.closeAllConnections();
  await closed;
}

/**
 * Starts everything `npm start` runs: the database, warm workers of the function, its route
 * table, the HTTP server and, with `--watch`, the rebuild-and-reload loop. A failure part-way
 * stops whatever had started before it is thrown.
 */
export async function startLocalStack(
  options: LocalOptions,
  output: StackOutput,
  colour: boolean,
): Promise<RunningStack> {
  if (!existsSync(options.functionDir)) {
    throw new LocalStackError(
      `${options.functionDir} does not exist: run "npm run build" first, or pass --function ` +
        'with a built function folder.',
    );
  }
  const cleanups: Array<() => Promise<void>> = [];
  const stop = async (): Promise<void> => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  };
  try {
    const database = await openDatabase(options.database, options.table);
    cleanups.push(() => database.stop());
    const host = new FunctionHost({
      function: {
        functionDir: options.functionDir,
        functionName: options.functionName,
        memoryMb: options.memoryMb,
        timeoutMs: options.timeoutSeconds * 1000,
        // The server's line per request replaces the framework's JSON access log; --env can
        // turn it back on.
        env: { LAMBDA_CONTROLLERS_ACCESS_LOG: 'off', ...database.env, ...options.env },
        onOutput: (line) => output.info(line),
      },
      maxWorkers: options.concurrency,
      openapi: options.openapi,
      onBackgroundError: (message) => output.error(`A replacement worker failed: ${message}`),
    });
    cleanups.push(() => host.stop());
    const initError = await host.start();
    if (initError !== undefined) {
      if (!options.watch) throw initError;
      output.error(
        `The function failed to initialize; save a fix to reload.\n${messageOf(initError)}`,
      );
    }
    const server = createLocalServer({
      api: { stage: options.stage, apiId: 'local', region: 'us-east-1' },
      invoke: (event, awsRequestId) => host.invoke(event, awsRequestId),
      routes: () => host.routes,
      openapi: options.openapi ? () => host.openapi : undefined,
      log: (line) => output.info(line),
      colour,
    });
    const port = await listen(server, options.port);
    cleanups.push(() => close(server));
    const watch = options.watch
      ? watchFunction(options.functionDir, () => host.reload(), output)
      : undefined;
    if (watch !== undefined) cleanups.push(async () => watch.watcher.close());
    const url = `http://localhost:${port}${options.stage === '$default' ? '' : `/${options.stage}`}`;
    output.info(
      formatBanner({
        url,
        options,
        database: database.description,
        routes: host.routes.describe(),
        watching: watch?.description,
        nodeVersion: process.version,
      }),
    );
    return { url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
