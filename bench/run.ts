// `npm run bench`: the benchmarks of issue 6, measured side by side in one run. Builds every
// implementation, runs figures A–E, prints the Markdown and writes it to bench/RESULTS.md.
// `npm run bench -- --help` lists the options.
import { writeFileSync } from 'node:fs';
import { buildAll } from './lib/build-all.ts';
import { measureCold } from './lib/figures/cold.ts';
import { measureHostile } from './lib/figures/hostile.ts';
import { measureMemory } from './lib/figures/memory.ts';
import { measurePageReads } from './lib/figures/page-reads.ts';
import { measureRouting } from './lib/figures/routing.ts';
import { measureWarm } from './lib/figures/warm.ts';
import { selectImplementations } from './lib/implementations.ts';
import { describeMachine } from './lib/machine.ts';
import {
  type BenchOptions,
  FIGURES,
  type Figure,
  parseOptions,
  USAGE,
  UsageError,
} from './lib/options.ts';
import { RESULTS_FILE } from './lib/paths.ts';
import { renderMarkdown } from './lib/report.ts';
import type { BenchResults } from './lib/results.ts';
import type { Stage } from './lib/stage.ts';
import { runValidatorChecks } from './lib/validators.ts';

// Progress goes to stderr, so that `--json` leaves stdout to the results.
function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

async function figure<T>(
  options: BenchOptions,
  which: Figure,
  title: string,
  measure: () => Promise<T>,
): Promise<T | undefined> {
  if (!options.figures.has(which)) return undefined;
  log(`figure ${which}: ${title}`);
  return measure();
}

async function measureAll(
  options: BenchOptions,
  stage: Stage,
  names: (figure: 'warm' | 'cold') => string[],
): Promise<Pick<BenchResults, 'warm' | 'cold' | 'routing' | 'pageReads' | 'hostile' | 'memory'>> {
  const layerModules = stage.layers.get('built');
  if (layerModules === undefined) throw new Error('the built layer is not staged');
  const { rounds, spawns, sampleMs, tableSizes } = options;
  return {
    warm: await figure(options, 'A', 'warm latency', () =>
      measureWarm(stage, names('warm'), rounds, sampleMs, log),
    ),
    cold: await figure(options, 'B', 'cold start', () =>
      measureCold(stage, names('cold'), spawns, log),
    ),
    routing: await figure(options, 'C', 'route matching', () =>
      measureRouting(
        { matcher: stage.tools['routing-matcher'], handler: stage.tools['routing-handler'] },
        layerModules,
        rounds,
      ),
    ),
    pageReads: await figure(options, 'D', 'items read per page', () =>
      measurePageReads(
        stage.tools['page-walker'],
        layerModules,
        stage.sampleApiTask,
        tableSizes,
        log,
      ),
    ),
    // Each hostile request takes milliseconds, not microseconds: fewer rounds say as much.
    hostile: await figure(options, 'E', 'hostile requests at 1 MB', () =>
      measureHostile(
        stage.tools['hostile-handler'],
        layerModules,
        Math.max(3, Math.ceil(rounds / 4)),
      ),
    ),
    // Only lambda-controllers: the figure checks the framework, not its peers.
    memory: stage.implementations.has('lambda-controllers')
      ? await figure(options, 'F', `memory over ${options.invocations} invocations`, () =>
          measureMemory(
            stage.tools['memory-run'],
            stage,
            'lambda-controllers',
            options.invocations,
          ),
        )
      : undefined,
  };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (options.validators) {
    process.stdout.write(runValidatorChecks(log));
    return;
  }
  const started = Date.now();
  const implementations = selectImplementations(options.only, options.baseline !== undefined);
  log(`building ${implementations.length} implementations`);
  const stage = await buildAll(implementations, log, options.baseline);
  try {
    const figures = await measureAll(options, stage, (which) =>
      implementations.filter((implementation) => implementation[which]).map(({ name }) => name),
    );
    const results: BenchResults = {
      command: ['npm run bench', ...(options.argv.length > 0 ? ['--', ...options.argv] : [])].join(
        ' ',
      ),
      startedAt: new Date(started).toISOString(),
      durationSeconds: (Date.now() - started) / 1000,
      machine: describeMachine(),
      settings: { rounds: options.rounds, spawns: options.spawns, sampleMs: options.sampleMs },
      ...figures,
    };
    const markdown = renderMarkdown(results);
    process.stdout.write(options.json ? `${JSON.stringify(results, null, 2)}\n` : markdown);
    // The README quotes RESULTS.md, so only a run of every figure and implementation replaces it.
    if (
      options.only === undefined &&
      options.baseline === undefined &&
      options.figures.size === FIGURES.length
    ) {
      writeFileSync(RESULTS_FILE, markdown);
      log(`written to ${RESULTS_FILE}`);
    } else {
      log(`a partial run (--only or --figures): ${RESULTS_FILE} is left as it was`);
    }
  } finally {
    stage.remove();
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) log(`${error.message}\n\n${USAGE}`);
  else log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
