import { lastJsonLine, runTool } from '../run-tool.ts';

/** One kind of hostile request beside a plain request of the same size. */
export interface HostileRow {
  readonly kind: string;
  /** Sizes of the events (their JSON), as Lambda delivers them. */
  readonly hostileBytes: number;
  readonly plainBytes: number;
  readonly quarterBytes: number;
  readonly hostileStatus: number;
  readonly plainStatus: number;
  /** Size of the hostile request's answer body. */
  readonly answerBytes: number;
  /** ms per request, one sample per round, in the order they ran. */
  readonly hostile: readonly number[];
  readonly plain: readonly number[];
  /** The hostile request at a quarter of the size. */
  readonly quarter: readonly number[];
}

/** Figure E: the worst request of each kind at about 1 MB, and a plain one of the same size. */
export async function measureHostile(
  tool: string,
  layerModules: string,
  rounds: number,
): Promise<HostileRow[]> {
  const env = {
    PATH: process.env['PATH'] ?? '',
    NODE_PATH: layerModules,
    BENCH_ROUNDS: String(rounds),
    LAMBDA_CONTROLLERS_ACCESS_LOG: 'off',
  };
  const rows = lastJsonLine((await runTool(tool, env)).stdout) as HostileRow[];
  for (const row of rows) {
    if ([row.hostile, row.plain, row.quarter].some((samples) => samples.length !== rounds)) {
      throw new Error(
        `${tool} printed ${row.hostile.length} samples of ${row.kind}, not ${rounds}`,
      );
    }
  }
  return rows;
}
