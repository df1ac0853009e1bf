import { RoutesModuleError } from '../errors/config-errors';

/** Packages whose classes or metadata stores break when two copies run in one process. */
const STATEFUL_PACKAGES = ['lambda-controllers', 'class-validator', 'class-transformer'];

/**
 * The local runner and the command line, run from an installed lambda-controllers: they load a
 * function beside the layer's copy but hold none of the framework's state.
 */
const TOOL_FOLDERS = ['dist/local/', 'dist/cli/'];

/** The folders of every loaded copy of `name`, read from module paths such as `…/node_modules/name/…`. */
function copiesOf(name: string, loadedFiles: readonly string[]): string[] {
  const marker = `/node_modules/${name}/`;
  const roots = new Set<string>();
  for (const file of loadedFiles) {
    const at = file.lastIndexOf(marker);
    if (at === -1) continue;
    const inside = file.slice(at + marker.length);
    if (name === 'lambda-controllers' && TOOL_FOLDERS.some((tool) => inside.startsWith(tool))) {
      continue;
    }
    roots.add(file.slice(0, at + marker.length - 1));
  }
  return [...roots].sort();
}

/**
 * Throws when the routes module brought its own copy of a stateful package beside the layer's:
 * class-transformer's `@Type` metadata and `instanceof HttpError` do not cross copies.
 *
 * @param loadedFiles - Paths of the CommonJS modules loaded so far (`Object.keys(require.cache)`).
 */
export function assertSingleCopies(loadedFiles: readonly string[], routesFile: string): void {
  for (const name of STATEFUL_PACKAGES) {
    const copies = copiesOf(name, loadedFiles);
    if (copies.length > 1) {
      throw new RoutesModuleError(
        `${routesFile} loaded a second copy of ${name}: ${copies.join(' and ')}. Its metadata would ` +
          `split between copies; leave ${name} to the layer (remove it from the function package, ` +
          'or mark it external when bundling).',
      );
    }
  }
}
