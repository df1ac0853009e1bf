import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

// The AWS SDK is in the built layer for the sample API; the bench API never loads it, so the
// experimental layers leave it out (less to copy) and layer sizes are given without it.
const SDK_FOLDERS = new Set(['@aws-sdk', '@smithy', '@aws']);

/** Whether a path inside a layer's `nodejs` folder belongs to the AWS SDK. */
export function isSdkPath(nodejs: string, path: string): boolean {
  const parts = relative(nodejs, path).split(sep);
  return parts[0] === 'node_modules' && SDK_FOLDERS.has(parts[1] ?? '');
}

export interface LayerSize {
  readonly variant: string;
  readonly bytes: number;
  /** The sum of each file gzipped on its own, close to what a zip of the layer weighs. */
  readonly gzipBytes: number;
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? filesUnder(path) : entry.isFile() ? [path] : [];
  });
}

/** The size of a layer's `nodejs` folder, the AWS SDK left out. */
export function measureLayer(variant: string, nodejs: string): LayerSize {
  let bytes = 0;
  let gzipBytes = 0;
  for (const file of filesUnder(nodejs)) {
    if (isSdkPath(nodejs, file)) continue;
    bytes += statSync(file).size;
    gzipBytes += gzipSync(readFileSync(file)).length;
  }
  return { variant, bytes, gzipBytes };
}
