// A fresh Node process that loads one implementation as Lambda's runtime would and serves its
// first request, then prints what it measured as one JSON line and exits. With BENCH_BARE it
// loads nothing: the parent subtracts that run's time (Node's own start and exit).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { lambdaContext } from '../../../src/test/support/lambda-context.ts';
import { assertAnswer } from '../answers.ts';
import { EVENT_JSON, EVENT_NAMES, type EventName } from '../events.ts';
import { loadHandler } from './load-handler.ts';
import type { ProbeReport } from './protocol.ts';

const bootMs = performance.now();
const env = process.env;
const FIRST: EventName = 'v2-create-user';

/** False for a module the layer lacks (a layer built without the bundle); throws otherwise. */
function resolvable(requireFromTask: NodeJS.Require, name: string): boolean {
  try {
    requireFromTask.resolve(name);
    return true;
  } catch (error) {
    // MODULE_NOT_FOUND is the answer "this layer has no such module": its column stays empty.
    if (error instanceof Error && Reflect.get(error, 'code') === 'MODULE_NOT_FOUND') return false;
    throw error;
  }
}

function requireEach(packages: readonly string[]): Record<string, number> {
  const requireFromTask = createRequire(join(env['LAMBDA_TASK_ROOT'] ?? '.', 'index.js'));
  const times: Record<string, number> = {};
  for (const name of packages) {
    if (!resolvable(requireFromTask, name)) continue;
    const started = performance.now();
    requireFromTask(name);
    times[name] = performance.now() - started;
  }
  return times;
}

async function main(): Promise<void> {
  if (env['BENCH_BARE'] !== undefined) {
    process.stdout.write(`${JSON.stringify({ bootMs })}\n`);
    return;
  }
  const breakdownList = env['BENCH_BREAKDOWN'];
  const breakdown = breakdownList === undefined ? {} : requireEach(breakdownList.split(','));
  const started = performance.now();
  const handler = loadHandler(env);
  const loaded = performance.now();
  const result = await handler(JSON.parse(EVENT_JSON[FIRST]), lambdaContext());
  const answered = performance.now();
  const name = env['BENCH_IMPLEMENTATION'] ?? 'unknown';
  assertAnswer(name, FIRST, result);
  const report: ProbeReport = {
    bootMs,
    requireMs: loaded - started,
    firstRequestMs: answered - loaded,
    rssMb: process.memoryUsage().rss / 1048576,
    breakdown,
    ...(env['BENCH_LIST_FILES'] === undefined
      ? {}
      : { files: Object.keys(createRequire(__filename).cache) }),
  };
  if (env['BENCH_CHECK_ALL'] !== undefined) {
    for (const event of EVENT_NAMES) {
      assertAnswer(name, event, await handler(JSON.parse(EVENT_JSON[event]), lambdaContext()));
    }
  }
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main().then(
  // Exit at once, as a frozen Lambda sandbox would not wait for a framework's timers either.
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : error}\n`);
    process.exit(1);
  },
);
