import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** The local server's command-line entry, as `npm run build` leaves it. */
const CLI = fileURLToPath(new URL('../../dist/local/cli.js', import.meta.url));

/** Lines of the server's output kept for the error when it stops early. */
const KEPT_LINES = 50;

/** The local server (`npm start` without the build) running as a child process. */
export interface LocalServer {
  /** The URL it listens on, with 127.0.0.1 so clients skip the IPv6 attempt. */
  readonly url: string;
  /** SIGTERM, which stops its workers and services; resolves when it has exited. */
  stop(): Promise<void>;
}

/**
 * Starts the local server with `args` and `env`, as a user runs it, and resolves once it prints
 * the URL it listens on. Its request lines are not kept: a load run sends thousands.
 *
 * @throws Error with the server's last lines when it exits first.
 */
export async function startLocalServer(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<LocalServer> {
  const child = spawn(
    process.execPath,
    ['--disable-warning=MODULE_TYPELESS_PACKAGE_JSON', CLI, ...args],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...env, NO_COLOR: '1' } },
  );
  // If this process exits without stop() (Ctrl-C ends the load run with process.exit), SIGTERM
  // still lets the server stop its workers and services; 'exit' hooks may only do synchronous work.
  const killOnExit = (): void => {
    child.kill('SIGTERM');
  };
  process.on('exit', killOnExit);
  const exited = once(child, 'exit').finally(() => process.off('exit', killOnExit));
  const lines: string[] = [];
  const url = await new Promise<string>((found, fail) => {
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => {
        lines.push(line);
        if (lines.length > KEPT_LINES) lines.shift();
        const listening = /listening on (http:\/\/\S+)/.exec(line)?.[1];
        if (listening !== undefined) found(listening.replace('//localhost:', '//127.0.0.1:'));
      });
    }
    void exited.then(([code]) =>
      fail(new Error(`The local server exited with ${String(code)}:\n${lines.join('\n')}`)),
    );
  });
  return {
    url,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
