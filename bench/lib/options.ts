import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

/** A mistake in the command line: reported with the usage, without a stack trace. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const FIGURES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type Figure = (typeof FIGURES)[number];

export interface BenchOptions {
  readonly only: readonly string[] | undefined;
  readonly figures: ReadonlySet<Figure>;
  /** Interleaved rounds of figures A and C. */
  readonly rounds: number;
  /** Fresh processes per implementation in figure B. */
  readonly spawns: number;
  /** Target duration of one warm sample. */
  readonly sampleMs: number;
  /** Table sizes of figure D. */
  readonly tableSizes: readonly number[];
  /** Warm invocations of figure F. */
  readonly invocations: number;
  readonly json: boolean;
  /** The `nodejs` folder of a layer built from another revision, measured beside this one. */
  readonly baseline: string | undefined;
  /** Run the compiled validators' long differential tests and their speed table, nothing else. */
  readonly validators: boolean;
  readonly argv: readonly string[];
}

export const USAGE = `npm run bench -- [options]
  --only a,b       implementations to run (the floors always run); see bench/lib/implementations.ts
  --figures A,B    figures to produce (default A,B,C,D,E,F)
  --rounds N       interleaved rounds for figures A and C (default 20)
  --spawns N       cold starts per implementation for figure B (default 30)
  --invocations N  warm invocations of figure F (default 1000000)
  --quick          3 rounds, 5 spawns, 10 ms samples, figure D on 250 users only,
                   figure F over 100000 invocations
  --json           print the results as JSON instead of Markdown
  --baseline DIR   also measure the layer built in another checkout (DIR/layer-dist/nodejs),
                   as lc-baseline, in the same run: before and after a change
  --validators     only the compiled validators: their differential tests with 20,000 runs per
                   property (VALIDATOR_RUNS overrides), then class-validator and the compiled
                   validators side by side (median µs per validation)
A run of every figure and implementation also writes bench/RESULTS.md.`;

function positive(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new UsageError(`--${name} must be a positive integer; got ${JSON.stringify(raw)}`);
  }
  return value;
}

function parseFlags(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    options: {
      only: { type: 'string' },
      figures: { type: 'string' },
      rounds: { type: 'string' },
      spawns: { type: 'string' },
      invocations: { type: 'string' },
      quick: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      baseline: { type: 'string' },
      validators: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
}

/** The `nodejs` folder of the checkout `--baseline` names, which must hold a built layer. */
function baselineLayer(checkout: string | undefined): string | undefined {
  if (checkout === undefined) return undefined;
  const nodejs = resolve(checkout, 'layer-dist/nodejs');
  if (!existsSync(join(nodejs, 'node_modules/main.js'))) {
    throw new UsageError(`--baseline: no built layer at ${nodejs}; run npm run build there first`);
  }
  return nodejs;
}

/** @throws UsageError for an unknown flag or a malformed value. */
export function parseOptions(argv: readonly string[]): BenchOptions | 'help' {
  let parsed: ReturnType<typeof parseFlags>;
  try {
    parsed = parseFlags(argv);
  } catch (error) {
    // parseArgs throws TypeErrors coded ERR_PARSE_ARGS_* for unknown or malformed flags.
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values } = parsed;
  if (values.help) return 'help';
  const quick = values.quick;
  const figures = (values.figures ?? FIGURES.join(','))
    .split(',')
    .map((figure) => figure.trim().toUpperCase());
  const unknown = figures.filter((figure) => !(FIGURES as readonly string[]).includes(figure));
  if (unknown.length > 0)
    throw new UsageError(`--figures: unknown ${unknown.join(', ')}; use ${FIGURES.join(',')}`);
  return {
    only: values.only
      ?.split(',')
      .map((name) => name.trim())
      .filter((name) => name !== ''),
    figures: new Set(figures as Figure[]),
    rounds: positive('rounds', values.rounds, quick ? 3 : 20),
    spawns: positive('spawns', values.spawns, quick ? 5 : 30),
    sampleMs: quick ? 10 : 20,
    tableSizes: quick ? [250] : [250, 5000],
    invocations: positive('invocations', values.invocations, quick ? 100_000 : 1_000_000),
    json: values.json,
    baseline: baselineLayer(values.baseline),
    validators: values.validators,
    argv,
  };
}
