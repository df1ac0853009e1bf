import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { build } from 'esbuild';

/**
 * Rewrites each given module of a layer's node_modules as one CommonJS file holding the modules
 * it requires, so that loading it reads one file instead of its whole require tree. Meant for
 * packages of stateless functions (validator.js: `isEmail` alone is seven files): a helper they
 * share is copied into each file, which only an object identity check could tell apart. What
 * each file exports, and every path of the package, stay as they were.
 *
 * @param specifiers - Module specifiers as the layer resolves them, e.g. `validator/lib/isEmail`.
 */
export async function makeSelfContained(
  modules: string,
  specifiers: readonly string[],
): Promise<void> {
  if (specifiers.length === 0) return;
  const requireFromLayer = createRequire(join(modules, 'index.js'));
  // Keys without the extension: esbuild names each output after its key and adds `.js`.
  const entries = Object.fromEntries(
    [...new Set(specifiers)].sort().map((specifier) => {
      const file = requireFromLayer.resolve(specifier);
      return [relative(modules, file).replace(/\.js$/, ''), file];
    }),
  );
  const result = await build({
    entryPoints: entries,
    outdir: modules,
    // Paths in the output's comments, relative to the layer: the same bytes wherever it is built.
    absWorkingDir: modules,
    write: false,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    logLevel: 'error',
  });
  // Every output is computed before any file is replaced: an entry that another one inlines is
  // read as published.
  for (const output of result.outputFiles) writeFileSync(output.path, output.text);
}
