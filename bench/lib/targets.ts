import type { EventName } from './events.ts';
import type { ColdFigure, ColdResult } from './figures/cold.ts';
import type { MemoryFigure } from './figures/memory.ts';
import type { WarmResult } from './figures/warm.ts';
import type { BenchResults } from './results.ts';
import { median, pairedRatio, times } from './stats.ts';

export interface TargetCheck {
  readonly target: string;
  readonly measured: string;
  readonly met: 'yes' | 'no' | 'not measured';
}

const PEERS = [
  'hono',
  'lambda-api',
  'middy',
  'powertools',
  'express-serverless-http',
  'express-codegenie',
];

/** Warm ratio a/b for one event, paired round by round; NaN when either did not run. */
export function warmRatio(
  warm: readonly WarmResult[],
  a: string,
  b: string,
  event: EventName,
): number {
  const left = warm.find((result) => result.name === a);
  const right = warm.find((result) => result.name === b);
  if (left === undefined || right === undefined) return Number.NaN;
  return pairedRatio(left.samples[event], right.samples[event]);
}

/** Wall time of a cold start less the median wall time of a bare `node`. */
export function netColdMs(figure: ColdFigure, result: ColdResult): number {
  return median(result.samples.map((sample) => sample.wallMs)) - median(figure.bareWallMs);
}

/** require + first request, measured inside the process (so without Node's own start). */
export function inProcessColdMs(result: ColdResult): number {
  return median(
    result.samples.map((sample) => sample.report.requireMs + sample.report.firstRequestMs),
  );
}

export type ColdMeasure = (figure: ColdFigure, result: ColdResult) => number;

export const IN_PROCESS: ColdMeasure = (_, result) => inProcessColdMs(result);
export const NET_WALL: ColdMeasure = netColdMs;

export function coldRatio(figure: ColdFigure, a: string, b: string, measure: ColdMeasure): number {
  const left = figure.results.find((result) => result.name === a);
  const right = figure.results.find((result) => result.name === b);
  if (left === undefined || right === undefined) return Number.NaN;
  return measure(figure, left) / measure(figure, right);
}

function verdict(value: number, limit: number): TargetCheck['met'] {
  return Number.isFinite(value) ? (value <= limit ? 'yes' : 'no') : 'not measured';
}

/** The peer lambda-controllers comes closest to beating (or loses to by most) on `event`. */
function closestPeer(
  results: readonly WarmResult[],
  event: EventName,
): { peer: string; ratio: number } | undefined {
  return PEERS.map((peer) => ({
    peer,
    ratio: warmRatio(results, 'lambda-controllers', peer, event),
  }))
    .filter(({ ratio }) => Number.isFinite(ratio))
    .reduce<{ peer: string; ratio: number } | undefined>(
      (worst, entry) => (worst === undefined || entry.ratio > worst.ratio ? entry : worst),
      undefined,
    );
}

function belowEveryPeer(results: readonly WarmResult[], event: EventName, target: string) {
  const closest = closestPeer(results, event);
  return {
    target,
    measured:
      closest === undefined
        ? 'no peer ran'
        : `closest peer: ${closest.peer}; lambda-controllers takes ${times(closest.ratio)} its time`,
    met: closest === undefined ? 'not measured' : closest.ratio < 1 ? 'yes' : 'no',
  } satisfies TargetCheck;
}

/** µs one pass-through middleware adds to a warm GET, paired round by round. */
function middlewareCostUs(results: readonly WarmResult[]): number {
  const plain = results.find((result) => result.name === 'lambda-controllers');
  const chained = results.find((result) => result.name === 'lambda-controllers-middleware');
  if (plain === undefined || chained === undefined) return Number.NaN;
  const deltas = chained.samples['v2-get-user'].map(
    (ns, round) => ns - (plain.samples['v2-get-user'][round] ?? Number.NaN),
  );
  return median(deltas) / 1000;
}

function warmTargets(warm: readonly WarmResult[] | undefined): TargetCheck[] {
  const results = warm ?? [];
  const getFloor = warmRatio(results, 'lambda-controllers', 'floor', 'v2-get-user');
  const post = warmRatio(results, 'lambda-controllers', 'floor-cv', 'v2-create-user');
  const middleware = middlewareCostUs(results);
  return [
    {
      target: 'warm GET /users/{id} ≤ 3× floor',
      measured: times(getFloor),
      met: verdict(getFloor, 3),
    },
    belowEveryPeer(results, 'v2-get-user', 'warm GET /users/{id} below every peer'),
    {
      target: 'warm valid POST /users ≤ 0.5× floor + class-validator',
      measured: times(post),
      met: verdict(post, 0.5),
    },
    belowEveryPeer(results, 'v2-create-user', 'warm valid POST /users below every peer'),
    belowEveryPeer(results, 'v2-create-invalid', 'warm invalid POST /users below every peer'),
    {
      target: 'one pass-through middleware ≤ 0.2 µs',
      measured: Number.isFinite(middleware) ? `${middleware.toFixed(2)} µs on GET /users/{id}` : '',
      met: verdict(middleware, 0.2),
    },
  ];
}

function coldTargets(cold: ColdFigure | undefined): TargetCheck[] {
  const target = 'cold start ≤ 1.5× floor + class-validator (ESM bundle)';
  if (cold === undefined) return [{ target, measured: '', met: 'not measured' }];
  const layers = [
    'lambda-controllers',
    'lc-published',
    'lc-esm',
    'lc-lazy',
    'lc-cache',
    'lc-lazy-cache',
  ];
  return layers.flatMap((name) => {
    const inProcess = coldRatio(cold, name, 'floor-cv-esm', IN_PROCESS);
    if (!Number.isFinite(inProcess)) return [];
    const wall = coldRatio(cold, name, 'floor-cv-esm', NET_WALL);
    const cjs = coldRatio(cold, name, 'floor-cv', IN_PROCESS);
    return [
      {
        target: name === 'lambda-controllers' ? target : `${target}, layer ${name}`,
        measured:
          `require + first ${times(inProcess)}, net wall ${times(wall)}; ` +
          `× CJS-bundled floor ${times(cjs)}`,
        // Both measures must meet it: one is less noisy, the other includes process teardown.
        met: verdict(Math.max(inProcess, wall), 1.5),
      },
    ];
  });
}

/** Live heap growth over the long run: from the first checkpoint to the last. */
function memoryTarget(memory: MemoryFigure | undefined): TargetCheck {
  const target = `memory flat over a million warm invocations (live heap grows ≤ 1 MiB)`;
  if (memory === undefined) return { target, measured: '', met: 'not measured' };
  const first = memory.heap[0]?.bytes ?? Number.NaN;
  const last = memory.heap.at(-1)?.bytes ?? Number.NaN;
  const growth = (last - first) / 1_048_576;
  return {
    target,
    measured: `${(first / 1_048_576).toFixed(1)} → ${(last / 1_048_576).toFixed(1)} MiB over ${memory.invocations} invocations`,
    met: memory.invocations < 1_000_000 ? 'not measured' : verdict(growth, 1),
  };
}

/** Each target of the issue, evaluated on this run's figures. */
export function evaluateTargets(results: BenchResults): TargetCheck[] {
  const routing = results.routing;
  const checks = [
    ...warmTargets(results.warm),
    ...coldTargets(results.cold),
    memoryTarget(results.memory),
  ];
  if (routing === undefined) {
    checks.push({
      target: 'route matching: 1,000 routes ≤ 1.5× 10 routes',
      measured: '',
      met: 'not measured',
    });
  } else {
    const matcher = pairedRatio(routing.matcher[1000] ?? [], routing.matcher[10] ?? []);
    const handler = pairedRatio(routing.handler[1000] ?? [], routing.handler[10] ?? []);
    checks.push({
      target: 'route matching: 1,000 routes ≤ 1.5× 10 routes',
      measured: `matcher ${times(matcher)}, whole invocation ${times(handler)}`,
      met: verdict(Math.max(matcher, handler), 1.5),
    });
  }
  return checks;
}
