import { lastJsonLine, runTool } from '../run-tool.ts';
import { ROUTE_COUNTS } from '../tools/route-shapes.ts';

export interface RoutingFigure {
  /** ns per match of the route table alone, per route count, one sample per round. */
  readonly matcher: Readonly<Record<number, readonly number[]>>;
  /** ns per whole invocation through createHandler from the layer. */
  readonly handler: Readonly<Record<number, readonly number[]>>;
}

async function samplesOf(tool: string, env: NodeJS.ProcessEnv): Promise<Record<number, number[]>> {
  const samples = lastJsonLine((await runTool(tool, env)).stdout) as Record<number, number[]>;
  for (const count of ROUTE_COUNTS) {
    if (!Array.isArray(samples[count])) throw new Error(`${tool} printed no samples for ${count}`);
  }
  return samples;
}

/** Figure C: route matching with 10, 100 and 1,000 routes, alone and through the handler. */
export async function measureRouting(
  tools: { matcher: string; handler: string },
  layerModules: string,
  rounds: number,
): Promise<RoutingFigure> {
  const base = { PATH: process.env['PATH'] ?? '', BENCH_ROUNDS: String(rounds) };
  return {
    matcher: await samplesOf(tools.matcher, base),
    handler: await samplesOf(tools.handler, {
      ...base,
      NODE_PATH: layerModules,
      LAMBDA_CONTROLLERS_ACCESS_LOG: 'off',
    }),
  };
}
