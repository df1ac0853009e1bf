import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type LaunchedServer,
  LOCAL_CLI,
  type LocalServerProcess,
  launchLocalServer,
  spawnLocalServer,
} from '../../../local/server-process';
import { compileFunction } from '../../integration/support/compile-function';
import { NODE22 } from '../../integration/support/runtimes';

/** The local server under test, and the processes it had started. */
export interface ServerUnderTest extends LocalServerProcess {
  /** Every process below the server now: workers, route reader, DynamoDB Local's Java. */
  descendants(): number[];
}

const running = new Set<LaunchedServer>();
const scratch = new Set<string>();

/** A function folder compiled from `sources` (see `compileFunction`), removed after the file. */
export function functionFolder(sources: Readonly<Record<string, string>>): string {
  const dir = compileFunction(sources);
  scratch.add(dir);
  return dir;
}

/** A fresh temporary folder, removed after the file. */
export function scratchFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lc-e2e-'));
  scratch.add(dir);
  return dir;
}

function assertBuilt(): void {
  if (!existsSync(LOCAL_CLI))
    throw new Error(`${LOCAL_CLI} is missing: run "npm run build" first.`);
}

/**
 * Starts `dist/local/cli.js` as `npm start` does, on a free port and on Lambda's Node 22,
 * with `args` added and `env` over this process's environment, and waits until it listens.
 */
export async function startServer(
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): Promise<ServerUnderTest> {
  assertBuilt();
  const server = await spawnLocalServer({
    args: ['--port', '0', ...args],
    nodeBinary: NODE22,
    env: { ...process.env, ...env },
  });
  running.add(server);
  return { ...server, descendants: () => descendantsOf(server.pid) };
}

/** Like `startServer`, without waiting for anything: for servers that never listen. */
export function launchServer(
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): LaunchedServer {
  assertBuilt();
  const server = launchLocalServer({
    args: ['--port', '0', ...args],
    nodeBinary: NODE22,
    env: { ...process.env, ...env },
  });
  running.add(server);
  return server;
}

/**
 * Stops every server this test file started and removes its folders; `jest-setup.ts` runs it
 * after each file, whether its tests passed or not.
 */
export async function cleanUpAfterFile(): Promise<void> {
  const servers = [...running];
  running.clear();
  await Promise.all(servers.map((server) => server.stop()));
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
  scratch.clear();
}

/** The ids of every process below `pid`, read from `ps` (Linux and macOS alike). */
export function descendantsOf(pid: number): number[] {
  const table = execFileSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8' });
  const children = new Map<number, number[]>();
  for (const line of table.split('\n')) {
    const [child, parent] = line.trim().split(/\s+/).map(Number);
    if (child === undefined || parent === undefined || Number.isNaN(child)) continue;
    children.set(parent, [...(children.get(parent) ?? []), child]);
  }
  const found: number[] = [];
  for (let queue = [pid]; queue.length > 0; ) {
    const next = children.get(queue.shift() ?? -1) ?? [];
    found.push(...next);
    queue.push(...next);
  }
  return found;
}

/** The ids among `pids` that still belong to a running process. */
export function stillRunning(pids: readonly number[]): number[] {
  return pids.filter((pid) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      // ESRCH is the answer "no such process"; anything else (EPERM) means it exists. Not
      // `instanceof Error`: jest runs tests in another realm than Node's core errors.
      const code = typeof error === 'object' && error !== null ? Reflect.get(error, 'code') : '';
      return code !== 'ESRCH';
    }
  });
}
