import type { EventName } from './events.ts';
import type { ColdFigure, ColdResult } from './figures/cold.ts';
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

function warmTargets(warm: readonly WarmResult[] | undefined): TargetCheck[] {
  const results = warm ?? [];
  const getFloor = warmRatio(results, 'lambda-controllers', 'floor', 'v2-get-user');
  const peerRatios = PEERS.map((peer) => ({
    peer,
    ratio: warmRatio(results, 'lambda-controllers', peer, 'v2-get-user'),
  })).filter(({ ratio }) => Number.isFinite(ratio));
  // The peer lambda-controllers comes closest to beating (or loses to by most).
  const closest = peerRatios.reduce<{ peer: string; ratio: number } | undefined>(
    (worst, entry) => (worst === undefined || entry.ratio > worst.ratio ? entry : worst),
    undefined,
  );
  const post = warmRatio(results, 'lambda-controllers', 'floor-cv', 'v2-create-user');
  return [
    {
      target: 'warm GET /users/{id} ≤ 3× floor',
      measured: times(getFloor),
      met: verdict(getFloor, 3),
    },
    {
      target: 'warm GET /users/{id} below every peer',
      measured:
        closest === undefined
          ? 'no peer ran'
          : `fastest peer: ${closest.peer}; lambda-controllers takes ${times(closest.ratio)} its time`,
      met: closest === undefined ? 'not measured' : closest.ratio < 1 ? 'yes' : 'no',
    },
    {
      target: 'warm valid POST /users ≤ 1.3× floor + class-validator',
      measured: times(post),
      met: verdict(post, 1.3),
    },
  ];
}

function coldTargets(cold: ColdFigure | undefined): TargetCheck[] {
  const target = 'cold start ≤ 1.1× floor + class-validator (CJS bundle)';
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
    const inProcess = coldRatio(cold, name, 'floor-cv', IN_PROCESS);
    if (!Number.isFinite(inProcess)) return [];
    const wall = coldRatio(cold, name, 'floor-cv', NET_WALL);
    const esm = coldRatio(cold, name, 'floor-cv-esm', IN_PROCESS);
    return [
      {
        target: name === 'lambda-controllers' ? target : `${target}, layer ${name}`,
        measured:
          `require + first ${times(inProcess)}, net wall ${times(wall)}; ` +
          `× ESM-bundled floor ${times(esm)}`,
        // Both measures must meet it: one is less noisy, the other includes process teardown.
        met: verdict(Math.max(inProcess, wall), 1.1),
      },
    ];
  });
}

/** Each target of the issue, evaluated on this run's figures. */
export function evaluateTargets(results: BenchResults): TargetCheck[] {
  const routing = results.routing;
  const checks = [...warmTargets(results.warm), ...coldTargets(results.cold)];
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
