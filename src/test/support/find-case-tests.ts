import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** A file's path relative to the repository root, with `/` separators, and its text. */
export interface SourceFile {
  readonly path: string;
  readonly text: string;
}

/** The folders that hold tests, and the file endings of test code (`*.case.ts` is a shared suite). */
const TEST_ROOTS = ['src', 'sample-api', 'terraform', 'bench'];
const TEST_FILE = /\.(?:test|case)\.ts$/;

/**
 * A test title that starts with a case label: the first argument of a call (`it('C13/C25: …'`,
 * `it.each(table)('C6: …'`, or on the line after the parenthesis), or the first cell of an
 * `it.each` row (`['C15: an escape cut short', …]`), which the title prints with `%s`. Any other
 * string (a later cell, a message) follows a comma or an operator and is not taken for a title.
 */
const CASE_TITLE = /[([]\s*['"`](C\d+(?:\s*[/–-]\s*C\d+)*):/g;

/**
 * The case numbers a test title's label names.
 *
 * @param label - The label before the colon: `C7`, `C13/C25/C31`, or a range `C1–C4`.
 * @returns The numbers in the order written, a range expanded: `C1–C4` gives 1, 2, 3, 4.
 * @throws Error when a range runs backwards.
 * @example
 * ```ts
 * caseNumbersOf('C1–C3/C9'); // [1, 2, 3, 9]
 * ```
 */
export function caseNumbersOf(label: string): number[] {
  const numbers: number[] = [];
  for (const part of label.split('/')) {
    const [first = '', last] = part.split(/[–-]/).map((bound) => bound.trim().slice(1));
    const from = Number(first);
    const to = last === undefined ? from : Number(last);
    if (to < from) throw new Error(`The case range ${part.trim()} runs backwards.`);
    for (let number = from; number <= to; number += 1) numbers.push(number);
  }
  return numbers;
}

/**
 * Finds the tests named after conformance cases.
 *
 * @param files - Test files and their text.
 * @returns Each case number named by a test title, with the files that hold such a test.
 * @example
 * ```ts
 * findCaseTests([{ path: 'a.test.ts', text: "it('C7: upper-cases the method', …)" }]);
 * // Map { 7 => Set { 'a.test.ts' } }
 * ```
 */
export function findCaseTests(files: readonly SourceFile[]): Map<number, Set<string>> {
  const found = new Map<number, Set<string>>();
  for (const file of files) {
    for (const match of file.text.matchAll(CASE_TITLE)) {
      for (const number of caseNumbersOf(match[1] ?? '')) {
        const holders = found.get(number) ?? new Set<string>();
        holders.add(file.path);
        found.set(number, holders);
      }
    }
  }
  return found;
}

/**
 * Reads every test file of the repository: `*.test.ts` and `*.case.ts` under `src`, `sample-api`,
 * `terraform` and `bench`.
 *
 * @param root - The repository root.
 * @returns The files in path order, their paths relative to `root` with `/` separators.
 * @example
 * ```ts
 * const files = readTestFiles(join(__dirname, '../..'));
 * ```
 */
export function readTestFiles(root: string): SourceFile[] {
  return TEST_ROOTS.flatMap((folder) =>
    readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
      .filter((name) => TEST_FILE.test(name) && !name.split(sep).includes('node_modules'))
      .map((name) => join(root, folder, name)),
  )
    .sort()
    .map((path) => ({
      path: relative(root, path).split(sep).join('/'),
      text: readFileSync(path, 'utf8'),
    }));
}
