import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from './cli-errors';

/**
 * The packages the project's package.json puts in the layer besides the framework's:
 * `"lambdaControllers": { "layer": ["@aws-sdk/client-dynamodb", "ulid"] }`. Functions keep them
 * external; `lambda-controllers layer` ships them.
 */
export function declaredLayerPackages(cwd: string): string[] {
  const file = join(cwd, 'package.json');
  if (!existsSync(file)) return [];
  const manifest: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const settings: unknown =
    typeof manifest === 'object' && manifest !== null
      ? Reflect.get(manifest, 'lambdaControllers')
      : undefined;
  if (settings === undefined) return [];
  const layer: unknown =
    typeof settings === 'object' && settings !== null ? Reflect.get(settings, 'layer') : undefined;
  if (
    layer === undefined ||
    (Array.isArray(layer) && layer.every((name) => typeof name === 'string'))
  ) {
    return layer ?? [];
  }
  throw new CliError(
    `${file}: "lambdaControllers.layer" must be an array of package names; got ${JSON.stringify(layer)}.`,
  );
}
