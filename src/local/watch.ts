import { spawn } from 'node:child_process';
import { watch } from 'node:fs';
import { join, sep } from 'node:path';
import { shownPath } from './banner';
import { formatDuration } from './log-line';
import { REPO_ROOT } from './task-root';

/** A running watch; `close()` ends it. */
export interface Watcher {
  close(): void;
}

export interface WatchOptions {
  readonly folders: readonly string[];
  /** Runs once changes have settled; a change during a run schedules one more run after it. */
  readonly onChange: () => Promise<void>;
  /** Files whose changes do not count (tests, editor backups). */
  readonly ignore?: (file: string) => boolean;
  /** @defaultValue 250 */
  readonly quietMs?: number;
}

/** Watches `folders` recursively and calls `onChange` after each burst of changes, one at a time. */
export function watchFolders(options: WatchOptions): Watcher {
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let pending = false;
  const run = (): void => {
    if (running) {
      pending = true;
      return;
    }
    running = true;
    const done = (): void => {
      running = false;
      if (pending) {
        pending = false;
        run();
      }
    };
    options.onChange().then(done, done);
  };
  const watchers = options.folders.map((folder) =>
    watch(folder, { recursive: true }, (_event, file) => {
      if (file !== null && options.ignore?.(join(folder, file)) === true) return;
      clearTimeout(timer);
      timer = setTimeout(run, options.quietMs ?? 250);
    }),
  );
  return {
    close: () => {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
}

/**
 * Runs the project's tsup build (layer, sample function, local runner): `npm run build` without
 * the zips, which a reload does not need.
 *
 * @throws Error with tsup's output when the build fails.
 */
export function rebuildWithTsup(): Promise<void> {
  const tsup = join(REPO_ROOT, 'node_modules/tsup/dist/cli-default.js');
  const child = spawn(process.execPath, [tsup, '--silent'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  return new Promise((done, fail) => {
    child.once('error', fail);
    child.once('exit', (code) => {
      if (code === 0) done();
      else fail(new Error(`tsup failed (exit code ${code}):\n${output.join('').trim()}`));
    });
  });
}

/** What `--watch` set up: the watcher, and a description for the start banner. */
export interface FunctionWatch {
  readonly watcher: Watcher;
  readonly description: string;
}

/**
 * `--watch`: a function built by this repository's tsup config (under `layer-dist/`) is rebuilt
 * from `src/` and `sample-api/` on change; any other function folder is watched as it is, for a
 * build of its own to write into. Either way `reload` then replaces the workers.
 */
export function watchFunction(
  functionDir: string,
  reload: () => Promise<void>,
  output: { info(line: string): void; error(line: string): void },
): FunctionWatch {
  const rebuilds = functionDir.startsWith(join(REPO_ROOT, 'layer-dist') + sep);
  const folders = rebuilds
    ? [join(REPO_ROOT, 'src'), join(REPO_ROOT, 'sample-api')]
    : [functionDir];
  const watcher = watchFolders({
    folders,
    ignore: (file) => /\.test\.ts$|[\\/]test[\\/]|~$/.test(file),
    onChange: async () => {
      const started = performance.now();
      output.info(
        rebuilds ? 'Change detected: rebuilding with tsup…' : 'Change detected: reloading…',
      );
      try {
        if (rebuilds) await rebuildWithTsup();
        await reload();
        output.info(`Reloaded in ${formatDuration(performance.now() - started)}.`);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        output.error(`Reload failed; fix the code and save again.\n${message}`);
      }
    },
  });
  const shown = folders.map(shownPath).join(', ');
  return { watcher, description: rebuilds ? `${shown} (rebuild with tsup, then reload)` : shown };
}
