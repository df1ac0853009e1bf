/**
 * Writes the sample API's OpenAPI 3.1 document, built from exactly what deploys: the built
 * `layer-dist/functions/sample-api/routes.js`, loaded through the built layer's
 * lambda-controllers as `main.handler` loads it. Run `npm run build` first.
 *
 *   npm run openapi [-- --out layer-dist/openapi.json]
 *
 * The document is validated against the OpenAPI 3.1 schema before it is written.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { validateDocument } from './validate-document.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LAYER_MODULES = join(ROOT, 'layer-dist/nodejs/node_modules');
const FUNCTION_DIR = join(ROOT, 'layer-dist/functions/sample-api');
const EMITTER = fileURLToPath(new URL('./emit-document.ts', import.meta.url));
const TITLE = 'lambda-controllers sample users API';

function packageVersion(): string {
  const manifest: unknown = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const version: unknown =
    typeof manifest === 'object' && manifest !== null
      ? Reflect.get(manifest, 'version')
      : undefined;
  return typeof version === 'string' ? version : '0.0.0';
}

/** Builds the document in a Lambda-like child process; returns its parsed JSON. */
function emitDocument(): unknown {
  for (const needed of [
    join(FUNCTION_DIR, 'routes.js'),
    join(LAYER_MODULES, 'lambda-controllers'),
  ]) {
    if (!existsSync(needed)) throw new Error(`${needed} is missing: run "npm run build" first.`);
  }
  // A copy outside the repository, as Lambda unpacks to /var/task: module resolution from the
  // function then reaches the layer only, never the repository's node_modules.
  const taskRoot = mkdtempSync(join(tmpdir(), 'lambda-task-openapi-'));
  try {
    cpSync(FUNCTION_DIR, taskRoot, { recursive: true });
    const output = join(taskRoot, 'openapi.json');
    const child = spawnSync(
      process.execPath,
      ['--disable-warning=MODULE_TYPELESS_PACKAGE_JSON', EMITTER, output, TITLE, packageVersion()],
      {
        cwd: taskRoot,
        stdio: ['ignore', 'inherit', 'inherit'],
        env: {
          PATH: process.env['PATH'] ?? '/usr/bin:/bin',
          NODE_PATH: LAYER_MODULES,
          LAMBDA_TASK_ROOT: taskRoot,
          AWS_REGION: process.env['AWS_REGION'] ?? 'us-east-1',
        },
      },
    );
    if (child.status !== 0) {
      throw new Error(`Building the document failed (exit ${child.status}, ${child.signal}).`);
    }
    return JSON.parse(readFileSync(output, 'utf8'));
  } finally {
    rmSync(taskRoot, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { out: { type: 'string' } },
  });
  const out =
    values.out === undefined ? join(ROOT, 'layer-dist/openapi.json') : resolve(values.out);
  const document = emitDocument();
  const result = await validateDocument(document);
  if (!result.valid) {
    console.error(
      `The document is not valid OpenAPI 3.1:\n${JSON.stringify(result.errors, null, 2)}`,
    );
    process.exitCode = 1;
    return;
  }
  writeFileSync(out, `${JSON.stringify(document, null, 2)}\n`);
  console.log(`Wrote ${out} (OpenAPI 3.1, valid).`);
}

await main();
