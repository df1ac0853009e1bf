// One warm "container" per implementation: loads the handler once, checks every answer, warms
// up, then times batches of invocations when the parent asks, so that the parent can interleave
// implementations round by round.

import { lambdaContext } from '../../../src/test/support/lambda-context.ts';
import { assertAnswer } from '../answers.ts';
import { EVENT_JSON, EVENT_NAMES, type EventName } from '../events.ts';
import { loadHandler } from './load-handler.ts';
import type { MeasureRequest, WorkerReply } from './protocol.ts';

const name = process.env['BENCH_IMPLEMENTATION'] ?? 'unknown';
const targetNs = Number(process.env['BENCH_SAMPLE_MS'] ?? 20) * 1e6;
const context = lambdaContext();

function reply(message: WorkerReply): void {
  process.send?.(message);
}

// A fresh event object per invocation, parsed before the clock starts, as the runtime hands the
// handler a freshly parsed event each time (frameworks may mutate or annotate it). Parsed in
// small chunks: a large pool of live events would make every young-generation GC during the
// timed loop copy the whole pool, a cost that has nothing to do with the framework.
const CHUNK = 128;

async function timeBatch(
  handler: ReturnType<typeof loadHandler>,
  event: EventName,
  count: number,
): Promise<number> {
  const text = EVENT_JSON[event];
  const events: unknown[] = new Array(CHUNK);
  let elapsed = 0n;
  for (let done = 0; done < count; done += CHUNK) {
    const size = Math.min(CHUNK, count - done);
    for (let index = 0; index < size; index += 1) events[index] = JSON.parse(text);
    const started = process.hrtime.bigint();
    for (let index = 0; index < size; index += 1) await handler(events[index], context);
    elapsed += process.hrtime.bigint() - started;
  }
  return Number(elapsed) / count;
}

async function main(): Promise<void> {
  const handler = loadHandler(process.env);
  for (const event of EVENT_NAMES) {
    assertAnswer(name, event, await handler(JSON.parse(EVENT_JSON[event]), context));
  }
  const iterations = {} as Record<EventName, number>;
  for (const event of EVENT_NAMES) {
    await timeBatch(handler, event, 500);
    const perInvocation = await timeBatch(handler, event, 500);
    iterations[event] = Math.max(100, Math.min(10_000, Math.round(targetNs / perInvocation)));
    await timeBatch(handler, event, iterations[event]);
  }
  process.on('message', (request: MeasureRequest) => {
    timeBatch(handler, request.event, iterations[request.event]).then(
      (nsPerInvocation) => reply({ type: 'sample', event: request.event, nsPerInvocation }),
      (error: unknown) => reply({ type: 'failed', message: String(error) }),
    );
  });
  reply({ type: 'ready', iterations });
}

main().catch((error: unknown) => {
  reply({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  process.disconnect?.();
  process.exitCode = 1;
});
