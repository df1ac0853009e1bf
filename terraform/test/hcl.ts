import { readFileSync } from 'node:fs';
import { parse } from '@cdktf/hcl2json';

/**
 * One `.tf` file as `@cdktf/hcl2json` reads it: blocks become nested objects, labelled blocks
 * arrays of bodies (`module.users_table[0]`), literals stay values, and any other expression
 * becomes its source text in `${…}` (`"${module.users_table.arn}"`).
 */
export type HclFile = Readonly<Record<string, unknown>>;

/** The text hcl2json gives for an expression that is not a literal: `${module.users_table.arn}`. */
export function interpolation(expression: string): string {
  return `\${${expression}}`;
}

export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export async function readHclFile(path: string): Promise<HclFile> {
  const parsed: unknown = await parse(path, readFileSync(path, 'utf8'));
  if (!isRecord(parsed)) throw new Error(`${path} did not parse to an object.`);
  return parsed;
}

function onlyBody(bodies: unknown, what: string): Readonly<Record<string, unknown>> {
  if (!Array.isArray(bodies) || bodies.length !== 1 || !isRecord(bodies[0])) {
    throw new Error(`Expected exactly one ${what}; found ${JSON.stringify(bodies)}.`);
  }
  return bodies[0];
}

/** The body of `module "<name>" { … }`. */
export function moduleBlock(file: HclFile, name: string): Readonly<Record<string, unknown>> {
  const { module: modules } = file;
  return onlyBody(isRecord(modules) ? modules[name] : undefined, `module "${name}"`);
}

/** The body of `resource "<type>" "<name>" { … }`. */
export function resourceBlock(
  file: HclFile,
  type: string,
  name: string,
): Readonly<Record<string, unknown>> {
  const { resource: resources } = file;
  const ofType = isRecord(resources) ? resources[type] : undefined;
  return onlyBody(isRecord(ofType) ? ofType[name] : undefined, `resource "${type}" "${name}"`);
}

/** The expression of `local.<name>`, from whichever `locals` block defines it. */
export function localValue(file: HclFile, name: string): unknown {
  const { locals: blocks } = file;
  const defining = Array.isArray(blocks)
    ? blocks.filter(
        (block): block is Readonly<Record<string, unknown>> => isRecord(block) && name in block,
      )
    : [];
  if (defining.length !== 1) throw new Error(`Expected local.${name} to be defined once.`);
  return defining[0]?.[name];
}
