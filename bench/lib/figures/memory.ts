import { lambdaEnv } from '../process-env.ts';
import { lastJsonLine, runTool } from '../run-tool.ts';
import type { Stage } from '../stage.ts';

/** Figure F: one implementation over a long warm run. */
export interface MemoryFigure {
  readonly implementation: string;
  readonly invocations: number;
  /** Live heap after a forced collection, at the start and every tenth of the run. */
  readonly heap: ReadonlyArray<{ readonly invocations: number; readonly bytes: number }>;
  /** ns per invocation over the whole run, one at a time. */
  readonly sequentialNs: number;
  readonly concurrency: number;
  /** ns per invocation with `concurrency` in flight, and one at a time right after, side by side. */
  readonly concurrentNs: number;
  readonly sequentialSampleNs: number;
  readonly rssBytes: number;
}

/** Runs the memory tool on one staged implementation. */
export async function measureMemory(
  tool: string,
  stage: Stage,
  implementation: string,
  invocations: number,
): Promise<MemoryFigure> {
  const staged = stage.implementations.get(implementation);
  if (staged === undefined) throw new Error(`${implementation} is not staged`);
  const env = {
    ...lambdaEnv(staged),
    BENCH_IMPLEMENTATION: implementation,
    BENCH_INVOCATIONS: String(invocations),
  };
  const figure = lastJsonLine((await runTool(tool, env)).stdout) as Omit<
    MemoryFigure,
    'implementation'
  >;
  return { implementation, ...figure };
}
