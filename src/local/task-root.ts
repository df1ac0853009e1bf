import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The repository root, or the installed package's, from `src/local/` and from the built
 * `dist/local/` alike.
 */
export const REPO_ROOT = resolve(__dirname, '../..');

/** Where `npm run build` leaves the layer's modules and the local runner's child entries. */
// `lambda-controllers start` names the layer of the project it runs in; the repository's own is
// the default.
export const DEFAULT_LAYER_MODULES =
  process.env['LAMBDA_CONTROLLERS_LAYER_MODULES'] ??
  join(REPO_ROOT, 'layer-dist/nodejs/node_modules');
export const LOCAL_DIST = join(REPO_ROOT, 'dist/local');

/** How a function is deployed: its code, configuration and the layer it runs on. */
export interface FunctionSettings {
  /** The built function's folder (holding `routes.js`); copied like Lambda unpacks to /var/task. */
  readonly functionDir: string;
  /** Extra environment variables of the function (TABLE_NAME, ...). */
  readonly env?: Readonly<Record<string, string>>;
  /** The layer's `nodejs/node_modules`, put on NODE_PATH. */
  readonly layerNodeModules?: string;
  /** The Node.js binary to run. @defaultValue the current one */
  readonly nodeBinary?: string;
  /** @defaultValue `main.handler` */
  readonly handler?: string;
  /** @defaultValue `local-function` */
  readonly functionName?: string;
  /** @defaultValue 512, the Terraform stack's default */
  readonly memoryMb?: number;
  /** @defaultValue 30_000, the Terraform stack's default (and the HTTP API's limit) */
  readonly timeoutMs?: number;
}

export const DEFAULT_MEMORY_MB = 512;
export const DEFAULT_TIMEOUT_MS = 30_000;

/** A child process running in a fresh copy of the function's folder. */
export interface TaskProcess {
  readonly child: ChildProcess;
  readonly taskRoot: string;
}

/**
 * The environment the Node.js runtime gives a function, as far as it matters to code: NODE_PATH at
 * the layer, LAMBDA_TASK_ROOT, the handler string, the function's name, memory and region, UTC.
 * Nothing of the caller's environment leaks in except PATH.
 */
export function functionEnvironment(
  settings: FunctionSettings,
  taskRoot: string,
): Record<string, string> {
  const name = settings.functionName ?? 'local-function';
  const major = process.versions.node.split('.')[0] ?? '22';
  return {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    TZ: ':UTC',
    LANG: 'en_US.UTF-8',
    NODE_PATH: settings.layerNodeModules ?? DEFAULT_LAYER_MODULES,
    LAMBDA_TASK_ROOT: taskRoot,
    _HANDLER: settings.handler ?? 'main.handler',
    AWS_REGION: 'us-east-1',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_EXECUTION_ENV: `AWS_Lambda_nodejs${major}.x`,
    AWS_LAMBDA_FUNCTION_NAME: name,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(settings.memoryMb ?? DEFAULT_MEMORY_MB),
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${name}`,
    AWS_LAMBDA_LOG_STREAM_NAME: 'local',
    ...settings.env,
  };
}

/**
 * Copies the function's folder to a fresh task root and starts `script` there with `args`, an IPC
 * channel, the function's environment and a heap capped below its memory size.
 */
export function launchInTaskRoot(
  script: string,
  settings: FunctionSettings,
  args: readonly string[] = [],
): TaskProcess {
  const taskRoot = mkdtempSync(join(tmpdir(), 'lambda-task-'));
  cpSync(settings.functionDir, taskRoot, { recursive: true });
  // Lambda's Node.js bootstrap sizes V8's old space from the memory setting, so a function that
  // outgrows its memory fails here as it would there (the process dies; the request gets a 502).
  const heapMb = Math.floor((settings.memoryMb ?? DEFAULT_MEMORY_MB) * 0.9);
  const child = spawn(
    settings.nodeBinary ?? process.execPath,
    [`--max-old-space-size=${heapMb}`, script, ...args],
    {
      cwd: taskRoot,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      env: functionEnvironment(settings, taskRoot),
    },
  );
  return { child, taskRoot };
}
