import type { Plugin } from 'esbuild';

/** A dependency to load on first call instead of at require time. */
export interface LazyDependency {
  readonly filter: RegExp;
  /** `'default'` for a function export; otherwise the named function exports the importer uses. */
  readonly exports: 'default' | readonly string[];
}

function stub(specifier: string, exports: LazyDependency['exports']): string {
  const load = `let loaded;\nconst load = () => (loaded ??= require(${JSON.stringify(specifier)}));\n`;
  if (exports === 'default') {
    return `${load}module.exports = function lazy() {\n  const m = load();\n  return (m.default ?? m).apply(this, arguments);\n};\n`;
  }
  const members = exports
    .map((name) => `  ${name}: function () { return load().${name}.apply(this, arguments); },`)
    .join('\n');
  return `${load}module.exports = {\n${members}\n};\n`;
}

/**
 * Replaces imports of the given dependencies by stubs that `require` them on first call. The
 * dependency itself stays a package of its own in the layer (one copy), only its load moves from
 * cold start to the first validation that needs it.
 */
export function lazyRequires(dependencies: readonly LazyDependency[]): Plugin {
  return {
    name: 'lazy-requires',
    setup(build) {
      for (const dependency of dependencies) {
        build.onResolve({ filter: dependency.filter }, (args) =>
          // The stub's own require() must reach the real package at run time.
          args.namespace === 'lazy-stub'
            ? { path: args.path, external: true }
            : { path: args.path, namespace: 'lazy-stub' },
        );
        build.onLoad({ filter: dependency.filter, namespace: 'lazy-stub' }, (args) => ({
          contents: stub(args.path, dependency.exports),
          loader: 'js',
        }));
      }
    },
  };
}
