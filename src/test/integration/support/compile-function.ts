import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { transformSync } from '@swc/core';

/**
 * Compiles TypeScript sources into a fresh function folder the way tsup does for routes.js: SWC
 * with legacy decorators and decorator metadata. Each key is the output file name; `.mjs` files
 * are emitted as ES modules, everything else as CommonJS. With `metadata: false` the build emits
 * no `design:paramtypes`, like esbuild alone.
 */
let parent: string | undefined;

/** One folder per test process for every compiled function, removed when the process exits. */
function functionsFolder(): string {
  if (parent === undefined) {
    const created = mkdtempSync(join(tmpdir(), 'lc-functions-'));
    parent = created;
    process.once('exit', () => rmSync(created, { recursive: true, force: true }));
  }
  return parent;
}

export function compileFunction(
  sources: Readonly<Record<string, string>>,
  options: { metadata?: boolean } = {},
): string {
  const dir = mkdtempSync(join(functionsFolder(), 'lc-function-'));
  for (const [name, source] of Object.entries(sources)) {
    const { code } = transformSync(source, {
      filename: name.replace(/\.(m|c)?js$/, '.ts'),
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: options.metadata ?? true },
        target: 'es2022',
      },
      module: { type: name.endsWith('.mjs') ? 'es6' : 'commonjs' },
    });
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), code);
  }
  return dir;
}
