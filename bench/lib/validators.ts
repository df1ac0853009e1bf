import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { LAYER_DIST } from './paths.ts';

/** Differential runs per property under `--validators` unless VALIDATOR_RUNS says otherwise. */
export const LONG_VALIDATOR_RUNS = 20_000;

interface SpeedRow {
  readonly body: string;
  readonly classValidator: number;
  readonly compiled: number;
  readonly compileUs: number;
}

/**
 * Runs the compiled validators' differential tests with many more cases than `npm test` does,
 * then measures class-validator and the compiled validators side by side, and returns the table.
 *
 * @throws Error when a differential test fails (jest's exit code), with its output above.
 */
export function runValidatorChecks(log: (line: string) => void): string {
  const runs = process.env['VALIDATOR_RUNS'] ?? String(LONG_VALIDATOR_RUNS);
  log(`differential tests of the compiled validators, ${runs} runs per property`);
  execFileSync(
    'npx',
    ['jest', 'src/validation/compiled', '--selectProjects', 'unit', '--coverage=false'],
    { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, VALIDATOR_RUNS: runs } },
  );
  log('class-validator and the compiled validators side by side');
  const out = join(LAYER_DIST, 'bench');
  execFileSync(
    'npx',
    [
      'tsup',
      'bench/validator-speed.ts',
      ...['--format', 'cjs', '--target', 'node22', '--out-dir', out],
      ...['--silent', '--no-config', '--tsconfig', 'tsconfig.json'],
    ],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  const printed = execFileSync(process.execPath, [join(out, 'validator-speed.js')], {
    encoding: 'utf8',
  });
  const { rounds, rows } = JSON.parse(printed.trim().split('\n').at(-1) ?? '{}') as {
    rounds: number;
    rows: SpeedRow[];
  };
  const lines = rows.map(
    (row) =>
      `| ${row.body} | ${row.classValidator.toFixed(2)} | ${row.compiled.toFixed(2)} | ${(row.compiled / row.classValidator).toFixed(2)}× | ${row.compileUs.toFixed(0)} |`,
  );
  return [
    `Median µs per validation over ${rounds} interleaved rounds, \`plainToInstance\` + \`validate\` (class-validator) against the compiled validator, same options (\`DEFAULT_VALIDATOR_OPTIONS\`):`,
    '',
    '| body | class-validator µs | compiled µs | compiled / class-validator | compiling µs (once per DTO) |',
    '|---|---:|---:|---:|---:|',
    ...lines,
    '',
  ].join('\n');
}
