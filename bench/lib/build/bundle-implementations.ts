import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { AWS_SDK_SCOPE, FRAMEWORK_PACKAGES } from '../../../src/build/layer-packages.ts';
import type { BundledImplementation } from '../implementations.ts';
import { FUNCTIONS_OUT, ROOT } from '../paths.ts';
import { swcDecoratorMetadata } from './swc-plugin.ts';

/** The packages the layer provides: never in routes.js. */
const LAYER_PACKAGES = [...FRAMEWORK_PACKAGES, `${AWS_SDK_SCOPE}*`];

const LAMBDA_TARGET = 'node22';

/** Bundles a peer or a floor for Lambda: one CommonJS file, the runtime's AWS SDK external. */
export async function bundleImplementation(implementation: BundledImplementation): Promise<string> {
  const outfile = join(FUNCTIONS_OUT, implementation.name, 'index.js');
  await build({
    entryPoints: [join(ROOT, implementation.source)],
    outfile,
    bundle: true,
    platform: 'node',
    target: LAMBDA_TARGET,
    format: 'cjs',
    external: ['@aws-sdk/*'],
    ...(implementation.mainFields === undefined
      ? {}
      : { mainFields: [...implementation.mainFields] }),
    tsconfig: join(ROOT, 'tsconfig.json'),
    logLevel: 'error',
  });
  return outfile;
}

/**
 * Builds the bench API's routes.js for lambda-controllers the way the sample API's is built:
 * SWC for decorator metadata, the layer's packages external.
 *
 * @throws Error when the output lacks `design:paramtypes` (the DTO would not be found).
 */
export async function bundleRoutes(): Promise<string> {
  const outfile = join(FUNCTIONS_OUT, 'lambda-controllers', 'routes.js');
  await build({
    entryPoints: [join(ROOT, 'bench/implementations/lambda-controllers.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: LAMBDA_TARGET,
    format: 'cjs',
    external: LAYER_PACKAGES,
    plugins: [swcDecoratorMetadata],
    logLevel: 'error',
  });
  const code = readFileSync(outfile, 'utf8');
  if (!code.includes('design:paramtypes') || !code.includes('require("lambda-controllers")')) {
    throw new Error(`${outfile} lacks decorator metadata or bundles lambda-controllers`);
  }
  return outfile;
}
