import type { ColdFigure } from './figures/cold.ts';
import type { HostileRow } from './figures/hostile.ts';
import type { MemoryFigure } from './figures/memory.ts';
import type { PageReadsRow } from './figures/page-reads.ts';
import type { RoutingFigure } from './figures/routing.ts';
import type { WarmResult } from './figures/warm.ts';
import type { Machine } from './machine.ts';

/** Everything one run measured; `--json` prints it as is. */
export interface BenchResults {
  readonly command: string;
  readonly startedAt: string;
  readonly durationSeconds: number;
  readonly machine: Machine;
  readonly settings: {
    readonly rounds: number;
    readonly spawns: number;
    readonly sampleMs: number;
  };
  readonly warm: readonly WarmResult[] | undefined;
  readonly cold: ColdFigure | undefined;
  readonly routing: RoutingFigure | undefined;
  readonly pageReads: readonly PageReadsRow[] | undefined;
  readonly hostile: readonly HostileRow[] | undefined;
  readonly memory: MemoryFigure | undefined;
}
