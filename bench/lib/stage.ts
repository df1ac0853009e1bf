import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { COMPILE_CACHE_DIR } from './build/layer-variants.ts';
import type { ToolName } from './build/tools.ts';
import type { Implementation, LayerVariant } from './implementations.ts';

/** One implementation as a spawned process sees it. */
export interface StagedImplementation {
  readonly implementation: Implementation;
  readonly env: Readonly<Record<string, string>>;
  /** For compile-cache layers: restores the cache as built before each cold start. */
  readonly resetCache: (() => void) | undefined;
  /**
   * Extra environment of the breakdown runs. Those require the packages before main.js, so a
   * compile-cache layer's cache is switched on from the start instead of by main.js.
   */
  readonly breakdownEnv: Readonly<Record<string, string>>;
}

export interface Stage {
  readonly root: string;
  readonly tools: Readonly<Record<ToolName, string>>;
  /** The folder of the tools, whose own files the loaded-code sizes leave out. */
  readonly toolsDir: string;
  readonly layers: ReadonlyMap<LayerVariant, string>;
  readonly implementations: ReadonlyMap<string, StagedImplementation>;
  /** The sample API's function folder. */
  readonly sampleApiTask: string;
  remove(): void;
}

export interface StageInput {
  readonly implementations: readonly Implementation[];
  readonly tools: Readonly<Record<ToolName, string>>;
  /** Each implementation's built function folder. */
  readonly functions: ReadonlyMap<string, string>;
  /** Each layer variant's `nodejs` folder. */
  readonly layers: ReadonlyMap<LayerVariant, string>;
  /** The sample API's built function folder (figure D). */
  readonly sampleApi: string;
}

// Packages a layer build can load to fill the compile cache without knowing any function.
const PRIME_PACKAGES = ['reflect-metadata', 'class-transformer', 'class-validator'];

/**
 * Fills the layer's compile cache by loading its packages once from where the layer will run,
 * as a layer build would do at /opt (the cache is keyed by absolute path and Node version).
 */
function primeCompileCache(modules: string, variant: LayerVariant): string {
  const cache = join(dirname(modules), COMPILE_CACHE_DIR);
  const packages = [
    ...PRIME_PACKAGES,
    'lambda-controllers',
    ...(variant === 'lazy-cache' ? ['validator', 'libphonenumber-js/max'] : []),
  ];
  const script = `require('node:module').enableCompileCache(${JSON.stringify(cache)});
for (const name of ${JSON.stringify(packages)}) require(name);`;
  const run = spawnSync(process.execPath, ['-e', script], {
    env: { PATH: process.env['PATH'] ?? '', NODE_PATH: modules },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`priming the compile cache failed: ${run.stderr}`);
  // Beside the layer's nodejs folder, not in it: the snapshot is not part of the layer.
  const snapshot = join(dirname(dirname(modules)), 'compile-cache.as-built');
  cpSync(cache, snapshot, { recursive: true });
  return snapshot;
}

/**
 * Copies layers, functions and tools out of the repository into a temporary tree shaped like a
 * Lambda sandbox (`opt-<variant>/nodejs`, `task-<name>`), so that module resolution finds no
 * `node_modules` of the repository above them, and so that a concurrent `npm run build`
 * (which deletes layer-dist) cannot pull files from under a run.
 */
export function stage(input: StageInput): Stage {
  const root = mkdtempSync(join(tmpdir(), 'lc-bench-'));
  try {
    return stageInto(root, input);
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
}

function stageInto(root: string, input: StageInput): Stage {
  const toolsDir = join(root, 'tools');
  const tools = {} as Record<ToolName, string>;
  for (const [name, file] of Object.entries(input.tools) as Array<[ToolName, string]>) {
    tools[name] = join(toolsDir, basename(file));
    cpSync(file, tools[name]);
  }
  const layers = new Map<LayerVariant, string>();
  const snapshots = new Map<LayerVariant, string>();
  for (const [variant, nodejs] of input.layers) {
    const staged = join(root, `opt-${variant}`, 'nodejs');
    cpSync(nodejs, staged, { recursive: true });
    layers.set(variant, join(staged, 'node_modules'));
    if (variant === 'cache' || variant === 'lazy-cache') {
      snapshots.set(variant, primeCompileCache(join(staged, 'node_modules'), variant));
    }
  }
  const sampleApiTask = join(root, 'task-sample-api');
  cpSync(input.sampleApi, sampleApiTask, { recursive: true });
  const implementations = new Map<string, StagedImplementation>();
  for (const implementation of input.implementations) {
    const functionDir = input.functions.get(implementation.name);
    if (functionDir === undefined) throw new Error(`${implementation.name} was not built`);
    const task = join(root, `task-${implementation.name}`);
    mkdirSync(task);
    cpSync(functionDir, task, { recursive: true });
    const base = {
      LAMBDA_TASK_ROOT: task,
      BENCH_IMPLEMENTATION: implementation.name,
      ...implementation.env,
    };
    if (implementation.kind === 'bundle') {
      implementations.set(implementation.name, {
        implementation,
        env: { ...base, _HANDLER: 'index.handler' },
        resetCache: undefined,
        breakdownEnv: {},
      });
      continue;
    }
    const modules = layers.get(implementation.layer);
    if (modules === undefined) throw new Error(`layer ${implementation.layer} was not built`);
    const snapshot = snapshots.get(implementation.layer);
    const cache = join(dirname(modules), COMPILE_CACHE_DIR);
    implementations.set(implementation.name, {
      implementation,
      env: { ...base, _HANDLER: 'main.handler', NODE_PATH: modules },
      breakdownEnv: snapshot === undefined ? {} : { NODE_COMPILE_CACHE: cache },
      // Lambda mounts /opt read-only, so what one cold start adds to the cache (routes.js) is
      // never there for the next one: each start begins from the cache as the build left it.
      resetCache:
        snapshot === undefined
          ? undefined
          : () => {
              rmSync(cache, { recursive: true, force: true });
              cpSync(snapshot, cache, { recursive: true });
            },
    });
  }
  return {
    root,
    tools,
    toolsDir: `${toolsDir}/`,
    layers,
    implementations,
    sampleApiTask,
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
