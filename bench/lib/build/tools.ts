import { join } from 'node:path';
import { build } from 'esbuild';
import { FRAMEWORK_PACKAGES } from '../../../src/build/layer-packages.ts';
import { ROOT, TOOLS_OUT } from '../paths.ts';
import { swcDecoratorMetadata } from './swc-plugin.ts';

export const TOOL_NAMES = [
  'warm-worker',
  'cold-probe',
  'routing-matcher',
  'routing-handler',
  'page-walker',
  'hostile-handler',
  'memory-run',
] as const;
export type ToolName = (typeof TOOL_NAMES)[number];

/**
 * Bundles the child-process scripts to plain JavaScript, so a cold-start probe pays no
 * TypeScript stripping and the routing benchmarks reach src/ through SWC.
 */
export async function buildTools(): Promise<Record<ToolName, string>> {
  const outputs = {} as Record<ToolName, string>;
  for (const name of TOOL_NAMES) {
    const outfile = join(TOOLS_OUT, `${name}.js`);
    await build({
      entryPoints: [join(ROOT, 'bench/lib/tools', `${name}.ts`)],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node22',
      format: 'cjs',
      // The handler benchmarks must use the layer's lambda-controllers, not src/; the hostile one
      // declares DTOs, whose class-transformer metadata is only seen by the layer's own copy.
      external: name === 'hostile-handler' ? [...FRAMEWORK_PACKAGES] : ['lambda-controllers'],
      plugins: [swcDecoratorMetadata],
      logLevel: 'error',
    });
    outputs[name] = outfile;
  }
  return outputs;
}
