import { readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type LayerSize, measureLayer } from '../layer-contents.ts';
import { lambdaEnv } from '../process-env.ts';
import { runTool } from '../run-tool.ts';
import type { Stage, StagedImplementation } from '../stage.ts';
import type { ProbeReport } from '../tools/protocol.ts';

export interface ColdSample {
  readonly wallMs: number;
  readonly report: ProbeReport;
}

export interface LoadedCode {
  readonly files: number;
  readonly bytes: number;
  readonly gzipBytes: number;
}

export interface ColdResult {
  readonly name: string;
  readonly label: string;
  readonly samples: readonly ColdSample[];
  /** Require time of each layer package loaded one by one, for the layer rows. */
  readonly breakdown: Readonly<Record<string, readonly number[]>>;
  readonly loaded: LoadedCode;
}

export interface ColdFigure {
  readonly bareWallMs: readonly number[];
  readonly results: readonly ColdResult[];
  readonly layerSizes: readonly LayerSize[];
}

/**
 * The layer's packages in the order main.js ends up loading them. First the layer bundle
 * (`layer-bundle.js`, which holds them all) where the layer has one: requiring it compiles every
 * module and runs none, so each package's column is then what running it costs.
 */
export const LAYER_PACKAGES = [
  'layer-bundle',
  'reflect-metadata',
  'class-transformer',
  'class-validator',
  'lambda-controllers',
];

/** In a breakdown run, what requiring main.js costs once the packages are loaded. */
export const REST_OF_MAIN = 'main.js + routes.js';

function lastLine(stdout: string): ProbeReport {
  const lines = stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1] ?? '{}') as ProbeReport;
}

function measureLoaded(files: readonly string[]): LoadedCode {
  const contents = files.map((file) => readFileSync(file));
  return {
    files: files.length,
    bytes: files.reduce((sum, file) => sum + statSync(file).size, 0),
    gzipBytes: gzipSync(Buffer.concat(contents)).length,
  };
}

async function coldStart(
  stage: Stage,
  staged: StagedImplementation,
  extra: NodeJS.ProcessEnv,
): Promise<ColdSample> {
  staged.resetCache?.();
  const run = await runTool(stage.tools['cold-probe'], { ...lambdaEnv(staged), ...extra });
  return { wallMs: run.wallMs, report: lastLine(run.stdout) };
}

/**
 * Figure B: a fresh `node` per cold start, loading the implementation as Lambda does and serving
 * one `POST /users` (the request that touches routing, JSON and validation). Spawns of all
 * implementations and of a bare `node` are interleaved, the order rotating each round.
 */
export async function measureCold(
  stage: Stage,
  names: readonly string[],
  spawns: number,
  log: (line: string) => void,
): Promise<ColdFigure> {
  const entries = names.map((name) => {
    const staged = stage.implementations.get(name);
    if (staged === undefined) throw new Error(`${name} is not staged`);
    return staged;
  });
  const loaded = new Map<string, LoadedCode>();
  for (const staged of entries) {
    // Not timed: checks every answer from a cold process and lists the files it loaded.
    const check = await coldStart(stage, staged, { BENCH_CHECK_ALL: '1', BENCH_LIST_FILES: '1' });
    const files = (check.report.files ?? []).filter(
      (file) => file.startsWith(stage.root) && !file.startsWith(stage.toolsDir),
    );
    loaded.set(staged.implementation.name, measureLoaded(files));
  }
  log(`  B: ${entries.length} implementations answer correctly from a cold process`);
  const samples = new Map<string, ColdSample[]>(
    entries.map((staged) => [staged.implementation.name, []]),
  );
  const breakdown = new Map<string, Record<string, number[]>>();
  const bare: number[] = [];
  const breakdownEvery = 2;
  for (let round = 0; round < spawns; round += 1) {
    const bareEnv = { PATH: process.env['PATH'] ?? '', BENCH_BARE: '1' };
    bare.push((await runTool(stage.tools['cold-probe'], bareEnv)).wallMs);
    for (let turn = 0; turn < entries.length; turn += 1) {
      const staged = entries[(turn + round) % entries.length];
      if (staged === undefined) continue;
      const name = staged.implementation.name;
      samples.get(name)?.push(await coldStart(stage, staged, {}));
      if (staged.implementation.kind === 'layer' && round % breakdownEvery === 0) {
        const split = await coldStart(stage, staged, {
          BENCH_BREAKDOWN: LAYER_PACKAGES.join(','),
          ...staged.breakdownEnv,
        });
        const own = breakdown.get(name) ?? {};
        const parts = { ...split.report.breakdown, [REST_OF_MAIN]: split.report.requireMs };
        for (const [part, ms] of Object.entries(parts)) own[part] = [...(own[part] ?? []), ms];
        breakdown.set(name, own);
      }
    }
    log(`  B: round ${round + 1}/${spawns}`);
  }
  const variants = new Set(
    entries.flatMap(({ implementation }) =>
      implementation.kind === 'layer' ? [implementation.layer] : [],
    ),
  );
  return {
    bareWallMs: bare,
    layerSizes: [...variants].flatMap((variant) => {
      const modules = stage.layers.get(variant);
      return modules === undefined ? [] : [measureLayer(variant, dirname(modules))];
    }),
    results: entries.map((staged) => {
      const name = staged.implementation.name;
      return {
        name,
        label: staged.implementation.label,
        samples: samples.get(name) ?? [],
        breakdown: breakdown.get(name) ?? {},
        loaded: loaded.get(name) ?? { files: 0, bytes: 0, gzipBytes: 0 },
      };
    }),
  };
}
