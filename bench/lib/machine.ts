import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './paths.ts';

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGb: number;
  readonly os: string;
  readonly node: string;
  readonly commit: string;
  readonly packages: Readonly<Record<string, string>>;
}

const PACKAGES = [
  'class-validator',
  'class-transformer',
  'reflect-metadata',
  'hono',
  'lambda-api',
  '@middy/core',
  '@middy/http-router',
  '@aws-lambda-powertools/event-handler',
  'express',
  'serverless-http',
  '@codegenie/serverless-express',
  'esbuild',
  '@swc/core',
];

function versionOf(folder: string): string {
  const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as {
    version?: unknown;
  };
  return typeof manifest.version === 'string' ? manifest.version : 'unknown';
}

function commit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString();
    // The last run's RESULTS.md, which this run replaces, is no change to the code it measures.
    const dirty = execFileSync('git', ['status', '--porcelain', '--', '.', ':!bench/RESULTS.md'], {
      cwd: ROOT,
    }).toString();
    return `${head.trim()}${dirty.trim() === '' ? '' : ' (with uncommitted changes)'}`;
  } catch (error) {
    // Outside a git checkout (an unpacked tarball) the figures are still valid.
    return `unknown (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
  }
}

export function describeMachine(): Machine {
  const processors = cpus();
  return {
    cpu: processors[0]?.model ?? 'unknown',
    cores: processors.length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    os: `${process.platform} ${release()} ${process.arch}`,
    node: process.version,
    commit: commit(),
    packages: {
      'lambda-controllers': versionOf(ROOT),
      ...Object.fromEntries(
        PACKAGES.map((name) => [name, versionOf(join(ROOT, 'node_modules', name))]),
      ),
    },
  };
}
