import type { Plugin } from 'esbuild';

/** A dependency to load on first call instead of at require time. */
export interface LazyDependency {
  /** The package the specifiers belong to: the bundle must reach it through the stubs only. */
  readonly package: string;
  /** The import specifiers to stub, e.g. `validator/lib/isEmail`. */
  readonly filter: RegExp;
  /** `'default'` for a function export; otherwise the named function exports the importer uses. */
  readonly exports: 'default' | readonly string[];
}

/** The namespace of the stubs, which also lets a stub's own `require` reach the real package. */
const NAMESPACE = 'lazy-stub';

// An ES-module stub (not CommonJS) so that esbuild checks every import against what it exports:
// an importer asking for anything else fails the build instead of getting undefined at run time.
function stub(specifier: string, exports: LazyDependency['exports']): string {
  const load = `let loaded;\nconst load = () => (loaded ??= require(${JSON.stringify(specifier)}));\n`;
  if (exports === 'default') {
    return `${load}export default function lazy() {\n  const m = load();\n  return (m.default ?? m).apply(this, arguments);\n}\n`;
  }
  const members = exports
    .map(
      (name) => `export function ${name}() {\n  return load().${name}.apply(this, arguments);\n}\n`,
    )
    .join('');
  return `${load}${members}`;
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
          args.namespace === NAMESPACE
            ? { path: args.path, external: true }
            : { path: args.path, namespace: NAMESPACE },
        );
        build.onLoad({ filter: dependency.filter, namespace: NAMESPACE }, (args) => ({
          contents: stub(args.path, dependency.exports),
          loader: 'js',
        }));
      }
    },
  };
}
