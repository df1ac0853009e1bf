import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { OpenApiDocument } from 'lambda-controllers/openapi';
import { NODE22 } from '../../../src/test/integration/support/runtimes';

const REPO_ROOT = resolve(__dirname, '../../..');
const SCRIPTS = join(REPO_ROOT, 'sample-api/openapi');
// The scripts are plain .ts run by Node 22's type stripping, as `npm run openapi` runs them.
const NODE_FLAGS = ['--disable-warning=MODULE_TYPELESS_PACKAGE_JSON'];

function run(script: string, args: readonly string[]): { status: number | null; stdout: string } {
  const child = spawnSync(NODE22, [...NODE_FLAGS, join(SCRIPTS, script), ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  if (child.error !== undefined) throw child.error;
  if (child.status !== 0 && child.stdout === '') {
    throw new Error(`${script} failed (exit ${child.status}):\n${child.stderr}`);
  }
  return { status: child.status, stdout: child.stdout };
}

/**
 * Writes the sample API's document to `file` the way `npm run openapi` does: from the built
 * function loaded through the built layer.
 */
export function writeSampleDocument(file: string): void {
  run('write-openapi.ts', ['--out', file]);
}

/** `@seriousme/openapi-schema-validator`'s verdict on the document in `file`. */
export function validateOpenApiFile(file: string): { valid: boolean; errors?: unknown } {
  // An ES-module-only package: jest's CommonJS runtime cannot load it, a child Node can.
  const { stdout } = run('validate-document.ts', [file]);
  const verdict: unknown = JSON.parse(stdout);
  if (typeof verdict !== 'object' || verdict === null || !('valid' in verdict)) {
    throw new Error(`Not a validator verdict: ${stdout}`);
  }
  return { valid: verdict.valid === true, errors: Reflect.get(verdict, 'errors') };
}

/** One finding of Redocly's linter, as `lint-document.ts` prints it. */
export interface LintProblem {
  readonly rule: string;
  readonly severity: string;
  readonly message: string;
  readonly where: string[];
}

/** What Redocly's recommended rules find in the document in `file`; `[]` when it passes. */
export function lintOpenApiFile(file: string): LintProblem[] {
  const { stdout } = run('lint-document.ts', [file]);
  const report: unknown = JSON.parse(stdout);
  const problems: unknown =
    typeof report === 'object' && report !== null ? Reflect.get(report, 'problems') : undefined;
  if (!Array.isArray(problems)) throw new Error(`Not a lint report: ${stdout}`);
  // Written by lint-document.ts in exactly this shape.
  return problems as LintProblem[];
}

/**
 * Reads a document written by `buildOpenApiDocument`.
 *
 * @throws when the file is not an OpenAPI 3.1 document with paths and components.
 */
export function readOpenApiFile(file: string): OpenApiDocument {
  const json: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (
    typeof json !== 'object' ||
    json === null ||
    Reflect.get(json, 'openapi') !== '3.1.0' ||
    typeof Reflect.get(json, 'paths') !== 'object' ||
    typeof Reflect.get(json, 'components') !== 'object'
  ) {
    throw new Error(`${file} is not an OpenAPI 3.1 document`);
  }
  // Checked above as far as the tests rely on it; the rest is the builder's typed output.
  return json as OpenApiDocument;
}
