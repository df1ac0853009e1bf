// A million warm invocations in one "container": the live heap after a forced collection at
// checkpoints (a leak grows it), and the same events with ten invocations in flight at a time,
// as Lambda Managed Instances may run them in one process, every answer checked.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { lambdaContext } from '../../../src/test/support/lambda-context.ts';
import { assertAnswer } from '../answers.ts';
import { EVENT_JSON, EVENT_NAMES, type EventName } from '../events.ts';
import { loadHandler } from './load-handler.ts';

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

const name = process.env['BENCH_IMPLEMENTATION'] ?? 'unknown';
const total = Number(process.env['BENCH_INVOCATIONS'] ?? 1_000_000);
const checkpoints = 10;
const CONCURRENCY = 10;
const context = lambdaContext();
const handler = loadHandler(process.env);

function liveHeap(): number {
  collect();
  collect();
  return process.memoryUsage().heapUsed;
}

/** `count` invocations cycling through the events, `inFlight` at a time; ns per invocation. */
async function run(count: number, inFlight: number, check: boolean): Promise<number> {
  let elapsed = 0n;
  const names: EventName[] = [];
  const events: unknown[] = [];
  for (let done = 0; done < count; done += inFlight) {
    // Parsed before the clock starts, as the runtime hands each invocation a fresh event.
    for (let offset = 0; offset < inFlight; offset++) {
      names[offset] = EVENT_NAMES[(done + offset) % EVENT_NAMES.length] as EventName;
      events[offset] = JSON.parse(EVENT_JSON[names[offset] as EventName]);
    }
    const started = process.hrtime.bigint();
    const answers =
      inFlight === 1
        ? [await handler(events[0], context)]
        : await Promise.all(events.map((event) => handler(event, context)));
    elapsed += process.hrtime.bigint() - started;
    if (check) {
      for (let index = 0; index < inFlight; index++) {
        assertAnswer(name, names[index] as EventName, answers[index]);
      }
    }
  }
  return Number(elapsed) / count;
}

async function main(): Promise<void> {
  await run(20_000, 1, true);
  const heap = [{ invocations: 0, bytes: liveHeap() }];
  let sequentialNs = 0;
  const step = Math.ceil(total / checkpoints);
  for (let done = 0; done < total; done += step) {
    sequentialNs += (await run(step, 1, false)) * step;
    heap.push({ invocations: done + step, bytes: liveHeap() });
  }
  // Checked answers: every concurrent invocation must get its own, whole answer.
  const concurrentNs = await run(Math.min(total, 200_000), CONCURRENCY, true);
  const sequentialSampleNs = await run(Math.min(total, 200_000), 1, false);
  process.stdout.write(
    `${JSON.stringify({
      invocations: heap.at(-1)?.invocations ?? 0,
      heap,
      sequentialNs: sequentialNs / (heap.at(-1)?.invocations ?? 1),
      concurrency: CONCURRENCY,
      concurrentNs,
      sequentialSampleNs,
      rssBytes: process.memoryUsage().rss,
    })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : error}\n`);
  process.exitCode = 1;
});
