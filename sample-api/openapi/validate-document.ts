/**
 * Validates an OpenAPI document against the official OpenAPI 3.1 JSON Schema, with
 * `@seriousme/openapi-schema-validator`.
 *
 *   node sample-api/openapi/validate-document.ts openapi.json
 *
 * Prints `{ valid, errors }` as JSON and exits 1 when the document is invalid.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Validator } from '@seriousme/openapi-schema-validator';

/** The validator's verdict: `errors` lists what makes the document invalid. */
export interface ValidationResult {
  readonly valid: boolean;
  readonly errors?: unknown;
}

/** Validates a parsed document; only OpenAPI 3.1 passes (the builder emits nothing else). */
export async function validateDocument(document: unknown): Promise<ValidationResult> {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    return { valid: false, errors: 'The document is not a JSON object.' };
  }
  const validator = new Validator();
  const result = await validator.validate({ ...document });
  if (result.valid && validator.version !== '3.1') {
    return { valid: false, errors: `The document is OpenAPI ${validator.version}, not 3.1.` };
  }
  return result.valid ? { valid: true } : { valid: false, errors: result.errors };
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = process.argv[2];
  if (file === undefined) throw new Error('Usage: validate-document.ts <openapi.json>');
  const result = await validateDocument(JSON.parse(readFileSync(file, 'utf8')));
  process.stdout.write(`${JSON.stringify(result)}\n`);
  if (!result.valid) process.exitCode = 1;
}
