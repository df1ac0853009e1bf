// The route manifest of each built function: `layer-dist/functions/<name>/routes.json`, every
// route key with what it requires of the caller, read from the route table the layer's framework
// builds for the function. Terraform reads it to create the API Gateway routes and to put the JWT
// authorizer on exactly the protected ones.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type DescribedRoute,
  ROUTE_MANIFEST,
  type RouteManifest,
  routeManifest,
} from './route-manifest-shape.ts';

export { ROUTE_MANIFEST };

const CHILD = new URL('./describe-function.cjs', import.meta.url).pathname;

/** The routes of one built function, from a child process that loads it as Lambda would. */
function describeFunction(functionDir: string, layerModules: string): DescribedRoute[] {
  // A copy outside the repository, as Lambda unpacks to /var/task: the function then resolves
  // its packages from the layer only, never from the repository's node_modules.
  const taskRoot = mkdtempSync(join(tmpdir(), 'lambda-task-manifest-'));
  try {
    cpSync(functionDir, taskRoot, { recursive: true });
    const child = spawnSync(process.execPath, [CHILD], {
      cwd: taskRoot,
      encoding: 'utf8',
      env: {
        PATH: process.env['PATH'] ?? '/usr/bin:/bin',
        NODE_PATH: layerModules,
        LAMBDA_TASK_ROOT: taskRoot,
        AWS_REGION: process.env['AWS_REGION'] ?? 'us-east-1',
      },
    });
    if (child.status !== 0) {
      throw new Error(`Reading the routes of ${functionDir} failed:\n${child.stderr}`);
    }
    // Written by describe-function.cjs in exactly this shape.
    return JSON.parse(child.stdout) as DescribedRoute[];
  } finally {
    rmSync(taskRoot, { recursive: true, force: true });
  }
}

/**
 * Writes `routes.json` into one built function's folder.
 *
 * @returns The manifest written.
 */
export function writeRouteManifest(
  functionDir: string,
  name: string,
  layerModules: string,
): RouteManifest {
  const manifest = routeManifest(name, describeFunction(functionDir, layerModules));
  writeFileSync(join(functionDir, ROUTE_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/**
 * Writes `routes.json` into every built function folder under `functionsDir`.
 *
 * @returns One line per manifest written, for the build's output.
 */
export function writeRouteManifests(functionsDir: string, layerModules: string): string[] {
  return readdirSync(functionsDir)
    .filter((name) => statSync(join(functionsDir, name)).isDirectory())
    .map((name) => {
      const manifest = writeRouteManifest(join(functionsDir, name), name, layerModules);
      const guarded = manifest.routes.filter((route) => route.authorizationType === 'JWT');
      return `layer-dist/functions/${name}/${ROUTE_MANIFEST} (${manifest.routes.length} routes, ${guarded.length} protected)`;
    });
}
