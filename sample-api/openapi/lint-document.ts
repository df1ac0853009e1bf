/**
 * Lints an OpenAPI document with the recommended rules of Redocly's linter
 * (`@redocly/openapi-core`, the engine of `redocly lint`): `security-defined`,
 * `operation-4xx-response`, `no-unused-components` and the rest.
 *
 *   node sample-api/openapi/lint-document.ts openapi.json
 *
 * Prints `{ problems }` as JSON (rule, severity, message, where) and exits 1 when there is any.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createConfig, lintFromString } from '@redocly/openapi-core';

/** One finding of the linter. */
export interface LintProblem {
  readonly rule: string;
  readonly severity: string;
  readonly message: string;
  readonly where: string[];
}

/** Lints the document's JSON text with the `recommended` ruleset, offline. */
export async function lintDocument(source: string, file: string): Promise<LintProblem[]> {
  const config = await createConfig({ extends: ['recommended'] });
  const problems = await lintFromString({ source, absoluteRef: resolve(file), config });
  return problems.map((problem) => ({
    rule: problem.ruleId,
    severity: problem.severity,
    message: problem.message,
    where: problem.location.map((location) => location.pointer ?? ''),
  }));
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = process.argv[2];
  if (file === undefined) throw new Error('Usage: lint-document.ts <openapi.json>');
  const problems = await lintDocument(readFileSync(file, 'utf8'), file);
  process.stdout.write(`${JSON.stringify({ problems })}\n`);
  if (problems.length > 0) process.exitCode = 1;
}
