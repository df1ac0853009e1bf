/** One case of `docs/conformance.md`, as far as the check of its tests needs it. */
export interface CatalogueCase {
  readonly number: number;
  /** The files its `Tests:` line names; empty when the case has no test. */
  readonly testFiles: readonly string[];
  /** The reason its `Tests:` line gives for having no test, when it has none. */
  readonly noTestReason: string | undefined;
}

const CASE_START = /^- \*\*C(\d+)\.\*\*/;
const TESTS_LINE = /^\s+Tests: (.*)$/;
const NONE = /^none[;:,.]?\s*(.*)$/;
const FILE_LIST = /^`[^`]+`(?:, `[^`]+`)*\.?$/;

function readTestsLine(number: number, line: string): CatalogueCase {
  const none = NONE.exec(line);
  if (none !== null) {
    const reason = none[1]?.trim() ?? '';
    if (reason === '') throw new Error(`C${number} has no test and gives no reason.`);
    return { number, testFiles: [], noTestReason: reason };
  }
  if (!FILE_LIST.test(line)) {
    throw new Error(
      `C${number}: "Tests: ${line}" is neither "none; <reason>" nor a list of \`paths\`.`,
    );
  }
  const testFiles = [...line.matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? '');
  return { number, testFiles, noTestReason: undefined };
}

/**
 * Reads the cases of the conformance catalogue. A case is a list item starting with its bold
 * number, `- **C12.** …`, and ending, before the next case or heading, with exactly one line
 * `Tests: \`path\`, \`path\`` or `Tests: none; <why>`, which may wrap onto the lines after it.
 *
 * @param markdown - The text of `docs/conformance.md`.
 * @returns The cases in the order written.
 * @throws Error naming the case whose `Tests:` line is missing, repeated or malformed.
 * @example
 * ```ts
 * readConformanceCatalogue('- **C42.** Streaming.\n  Tests: none; not offered.\n');
 * // [{ number: 42, testFiles: [], noTestReason: 'not offered.' }]
 * ```
 */
export function readConformanceCatalogue(markdown: string): CatalogueCase[] {
  const cases: CatalogueCase[] = [];
  let current: { number: number; tests: string[] } | undefined;
  let inTests = false;
  const finish = (): void => {
    if (current === undefined) return;
    const [line, ...more] = current.tests;
    if (line === undefined || more.length > 0) {
      throw new Error(
        `C${current.number} needs exactly one "Tests:" line; it has ${current.tests.length}.`,
      );
    }
    cases.push(readTestsLine(current.number, line));
    current = undefined;
  };
  for (const line of markdown.split('\n')) {
    const start = CASE_START.exec(line);
    if (start !== null || line.startsWith('#') || line.trim() === '') {
      finish();
      inTests = false;
    }
    if (start !== null) current = { number: Number(start[1]), tests: [] };
    if (current === undefined) continue;
    const tests = TESTS_LINE.exec(line);
    if (tests !== null) {
      current.tests.push(tests[1]?.trim() ?? '');
      inTests = true;
    } else if (inTests) {
      // A long list of files wraps onto the following, indented lines.
      const last = current.tests.length - 1;
      current.tests[last] = `${current.tests[last]} ${line.trim()}`;
    }
  }
  finish();
  return cases;
}
