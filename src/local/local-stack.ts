import { once } from 'node:events';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { messageOf } from '../errors/message-of';
import { formatBanner } from './banner';
import { Cleanups } from './cleanups';
import type { LocalOptions } from './cli-options';
import { DEV_ISSUER, loadDevIssuer } from './dev-issuer';
import { FunctionHost } from './function-host';
import {
  type AuthorizerDecision,
  authorizerDecision,
  devTokenVerifier,
  readRouteManifest,
} from './local-authorizer';
import { createLocalServer } from './server';
import { openServices } from './start-services';
import { watchFunction } from './watch';

/** Where the stack writes: request lines and function output, and problems. */
export interface StackOutput {
  info(line: string): void;
  error(line: string): void;
}

/** What the stack runs in, besides its options. */
export interface StackContext {
  readonly output: StackOutput;
  /** Colour the request lines. */
  readonly colour: boolean;
  /** The environment `npm start` runs in, handed to the services module. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Aborted by Ctrl-C or SIGTERM: the start stops what it started and rejects. */
  readonly signal: AbortSignal;
}

export interface RunningStack {
  /** `http://localhost:<port>`, with `/<stage>` on a named stage. */
  readonly url: string;
  /** Stops the watcher, the server, the workers and the services, in that order. */
  stop(): Promise<void>;
}

/** The stack cannot start for a reason the user fixes (a busy port, an unbuilt function). */
export class LocalStackError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LocalStackError';
  }
}

/**
 * API Gateway's JWT authorizer over the function's `routes.json`, trusting the project's
 * development issuer; `undefined` for a function built without a manifest.
 */
function localAuthorizer(functionDir: string):
  | {
      authorize(routeKey: string, authorization: string | undefined): Promise<AuthorizerDecision>;
      reload(): void;
      describe(): string;
    }
  | undefined {
  let manifest = readRouteManifest(functionDir);
  if (manifest === undefined) return undefined;
  const verify = devTokenVerifier(loadDevIssuer(process.cwd()).publicJwk);
  return {
    authorize: (routeKey, authorization) =>
      authorizerDecision(manifest?.get(routeKey), () => verify(authorization)),
    // A rebuild may protect a route or drop the manifest (then every route is public).
    reload: () => {
      manifest = readRouteManifest(functionDir);
    },
    describe: () => {
      const jwt = [...(manifest?.values() ?? [])].filter(
        (route) => route.authorizationType === 'JWT',
      ).length;
      return `JWT on ${jwt} route(s) of routes.json, issuer ${DEV_ISSUER} (lambda-controllers token)`;
    },
  };
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
 * Starts everything `npm start` runs: the services module, warm workers of the function, its
 * route table, the HTTP server and, with `--watch`, the rebuild-and-reload loop. A failure or an
 * abort part-way stops whatever had started (the services included) before it is thrown.
 *
 * @throws LocalStackError or ServicesError for what the user fixes; the signal's reason when it
 * was aborted.
 */
export async function startLocalStack(
  options: LocalOptions,
  context: StackContext,
): Promise<RunningStack> {
  const { output, signal } = context;
  if (!existsSync(options.functionDir)) {
    throw new LocalStackError(
      `${options.functionDir} does not exist: run "npm run build" first, or pass --function ` +
        'with a built function folder.',
    );
  }
  const cleanups = new Cleanups();
  try {
    const services = await openServices(options.services, {
      command: 'serve',
      functionDir: options.functionDir,
      env: context.env,
      log: (line) => output.info(line),
      signal,
    });
    cleanups.add(() => services.stop());
    signal.throwIfAborted();
    const host = new FunctionHost({
      function: {
        functionDir: options.functionDir,
        functionName: options.functionName,
        memoryMb: options.memoryMb,
        timeoutMs: options.timeoutSeconds * 1000,
        // The server's line per request replaces the framework's JSON access log; --env can
        // turn it back on.
        env: {
          LAMBDA_CONTROLLERS_ACCESS_LOG: 'off',
          ...(options.stream ? { LAMBDA_CONTROLLERS_STREAM: '1' } : {}),
          ...services.env,
          ...options.env,
        },
        onOutput: (line) => output.info(line),
      },
      maxWorkers: options.concurrency,
      openapi: options.openapi,
      onBackgroundError: (message) => output.error(`A replacement worker failed: ${message}`),
    });
    cleanups.add(() => host.stop());
    const initError = await host.start();
    signal.throwIfAborted();
    if (initError !== undefined) {
      if (!options.watch) throw initError;
      output.error(
        `The function failed to initialize; save a fix to reload.\n${messageOf(initError)}`,
      );
    }
    const authorizer = localAuthorizer(options.functionDir);
    const server = createLocalServer({
      api: { stage: options.stage, apiId: 'local', region: 'us-east-1' },
      invoke: (event, awsRequestId, sink) => host.invoke(event, awsRequestId, sink),
      stream: options.stream,
      routes: () => host.routes,
      ...(authorizer === undefined ? {} : { authorize: authorizer.authorize }),
      openapi: options.openapi ? () => host.openapi : undefined,
      docs: options.docs,
      log: (line) => output.info(line),
      colour: context.colour,
    });
    const port = await listen(server, options.port);
    cleanups.add(() => close(server));
    signal.throwIfAborted();
    const watch = options.watch
      ? watchFunction(
          options.functionDir,
          () => {
            authorizer?.reload();
            return host.reload();
          },
          output,
        )
      : undefined;
    if (watch !== undefined) cleanups.add(async () => watch.watcher.close());
    const url = `http://localhost:${port}${options.stage === '$default' ? '' : `/${options.stage}`}`;
    output.info(
      formatBanner({
        url,
        options,
        services,
        routes: host.routes.describe(),
        authorizer: authorizer?.describe(),
        watching: watch?.description,
        nodeVersion: process.version,
      }),
    );
    return { url, stop: () => cleanups.run() };
  } catch (error) {
    // The start's own error is the one to report; a failure to clean up after it is only logged.
    await cleanups.run().catch((cleanupError: unknown) => {
      output.error(`Stopping after a failed start failed too: ${messageOf(cleanupError)}`);
    });
    throw error;
  }
}
