import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { LOCAL_DIST } from './task-root';

/** Where `npm run build` leaves the `npm start` entry. */
export const LOCAL_CLI = join(LOCAL_DIST, 'cli.js');

/** The local server (`dist/local/cli.js`) as a child process, from the moment it starts. */
export interface LaunchedServer {
  readonly pid: number;
  /** Every line it printed so far, stdout and stderr interleaved. */
  output(): string;
  /** Resolves with the next line that matches, including one printed already. */
  waitForLine(pattern: RegExp): Promise<string>;
  /** Resolves with its exit code once it has exited, by itself or by a signal. */
  readonly exited: Promise<number | null>;
  /** Sends `signal` (unless it has exited); resolves with its exit code once it has exited. */
  kill(signal: NodeJS.Signals): Promise<number | null>;
  /** SIGTERM, which stops its workers and services; resolves with its exit code. */
  stop(): Promise<number | null>;
}

/** A local server that printed the URL it listens on. */
export interface LocalServerProcess extends LaunchedServer {
  /** The URL it printed, with 127.0.0.1 for localhost so clients skip the IPv6 attempt. */
  readonly url: string;
}

export interface SpawnServerOptions {
  /** Flags after `cli.js`; add `--port 0` for a free port. */
  readonly args: readonly string[];
  /** @defaultValue the current Node binary */
  readonly nodeBinary?: string;
  /** @defaultValue the process environment */
  readonly env?: NodeJS.ProcessEnv;
}

/** The server exited before printing an awaited line; carries what it printed. */
export class ServerExitedError extends Error {
  constructor(code: number | null, pattern: RegExp, output: string) {
    super(`The local server exited with code ${code} before printing ${pattern}:\n${output}`);
    this.name = 'ServerExitedError';
  }
}

function stopOnExit(child: ChildProcess): () => void {
  // If the parent exits without stop() (a failing test run, process.exit), SIGTERM still lets the
  // server stop its workers and services; 'exit' handlers may only do synchronous work like this.
  const hook = (): void => {
    child.kill('SIGTERM');
  };
  process.on('exit', hook);
  return () => process.off('exit', hook);
}

/**
 * Starts the local server as `npm start` runs it, with an IPC channel (it stops by itself when
 * this process goes away), and returns at once.
 */
export function launchLocalServer(options: SpawnServerOptions): LaunchedServer {
  // As npm start runs it: a TypeScript services module loads without Node's module-type warning.
  const child = spawn(
    options.nodeBinary ?? process.execPath,
    ['--disable-warning=MODULE_TYPELESS_PACKAGE_JSON', LOCAL_CLI, ...options.args],
    {
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      env: { NO_COLOR: '1', ...(options.env ?? process.env) },
    },
  );
  const forget = stopOnExit(child);
  const lines: string[] = [];
  const watchers = new Set<{ pattern: RegExp; found(line: string): void }>();
  for (const stream of [child.stdout, child.stderr]) {
    if (stream === null) continue;
    createInterface({ input: stream }).on('line', (line) => {
      lines.push(line);
      for (const watcher of watchers) if (watcher.pattern.test(line)) watcher.found(line);
    });
  }
  const exited = once(child, 'exit').then(([code]: unknown[]) => {
    forget();
    return typeof code === 'number' ? code : null;
  });
  const kill = async (signal: NodeJS.Signals): Promise<number | null> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  return {
    pid: child.pid ?? 0,
    output: () => lines.join('\n'),
    exited,
    waitForLine: (pattern) => {
      const seen = lines.find((line) => pattern.test(line));
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolveLine, fail) => {
        const watcher = {
          pattern,
          found: (line: string) => {
            watchers.delete(watcher);
            resolveLine(line);
          },
        };
        watchers.add(watcher);
        // Settling an already resolved promise does nothing, so this only fails a waiting caller.
        void exited.then((code) => fail(new ServerExitedError(code, pattern, lines.join('\n'))));
      });
    },
    kill,
    stop: () => kill('SIGTERM'),
  };
}

/**
 * Starts the local server (see `launchLocalServer`) and resolves once it prints the URL it
 * listens on.
 *
 * @throws ServerExitedError when it exits first (a bad flag, a port in use, no Java).
 */
export async function spawnLocalServer(options: SpawnServerOptions): Promise<LocalServerProcess> {
  const server = launchLocalServer(options);
  const listening = await server.waitForLine(/listening on http:\/\/\S+/);
  const url = /listening on (http:\/\/\S+)/.exec(listening)?.[1] ?? '';
  return { ...server, url: url.replace('//localhost:', '//127.0.0.1:') };
}
