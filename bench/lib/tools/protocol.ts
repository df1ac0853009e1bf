import type { EventName } from '../events.ts';

/** Parent → warm worker: time one batch of invocations of an event (the worker sized it). */
export interface MeasureRequest {
  readonly type: 'measure';
  readonly event: EventName;
}

/** Warm worker → parent. */
export type WorkerReply =
  | { readonly type: 'ready'; readonly iterations: Readonly<Record<EventName, number>> }
  | { readonly type: 'sample'; readonly event: EventName; readonly nsPerInvocation: number }
  | { readonly type: 'failed'; readonly message: string };

/** What the cold probe prints as its one line of output. */
export interface ProbeReport {
  /** Time from the process's start to the probe's first line (Node's own start-up). */
  readonly bootMs: number;
  readonly requireMs: number;
  readonly firstRequestMs: number;
  readonly rssMb: number;
  /** Per-package require times, when BENCH_BREAKDOWN lists packages. */
  readonly breakdown: Readonly<Record<string, number>>;
  /** The files loaded, when BENCH_LIST_FILES is set. */
  readonly files?: readonly string[];
}
