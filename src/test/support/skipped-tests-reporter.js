// @ts-check
// Plain CommonJS: jest loads reporters as they are, without its transform.

/**
 * @typedef {object} AssertionView
 * @property {string} status
 * @property {string[]} ancestorTitles
 * @property {string} title
 */

/**
 * @typedef {object} TestFileView
 * @property {string} testFilePath
 * @property {AssertionView[]} testResults
 */

/**
 * One line per group of skipped tests (the same file and the same enclosing `describe` titles),
 * so that a skip whose title gives its reason (`checks (skipped: terraform not on PATH)`) shows
 * that reason under jest's summary, where `Tests: 3 skipped` alone would not say why.
 *
 * @param {readonly TestFileView[]} files - jest's results, one entry per test file.
 * @param {string} rootDir - Paths are shown relative to it.
 * @returns {string[]} The lines to print; none when nothing was skipped.
 * @example
 * ```js
 * skippedTestLines(results.testResults, '/repo');
 * // ['Skipped tests:', '  terraform/test/terraform.test.ts › terraform CLI checks (skipped: …) (3 tests)']
 * ```
 */
function skippedTestLines(files, rootDir) {
  /** @type {Map<string, number>} */
  const groups = new Map();
  for (const file of files) {
    const path = file.testFilePath.startsWith(`${rootDir}/`)
      ? file.testFilePath.slice(rootDir.length + 1)
      : file.testFilePath;
    for (const test of file.testResults) {
      if (test.status !== 'pending') continue;
      const titles = test.ancestorTitles.length > 0 ? test.ancestorTitles : [test.title];
      const key = [path, ...titles].join(' › ');
      groups.set(key, (groups.get(key) ?? 0) + 1);
    }
  }
  if (groups.size === 0) return [];
  return [
    'Skipped tests:',
    ...[...groups].map(([key, count]) => `  ${key} (${count} ${count === 1 ? 'test' : 'tests'})`),
  ];
}

/** Lists the skipped tests after jest's summary; see {@link skippedTestLines}. */
class SkippedTestsReporter {
  /** @param {{ rootDir: string, testNamePattern?: string | undefined }} globalConfig */
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
    // With -t, every test the pattern leaves out counts as skipped: listing them says nothing.
    this.filtered = Boolean(globalConfig.testNamePattern);
  }

  /**
   * @param {unknown} _contexts
   * @param {{ testResults: TestFileView[] }} results
   */
  onRunComplete(_contexts, results) {
    if (this.filtered) return;
    const lines = skippedTestLines(results.testResults, this.rootDir);
    // jest writes its summary to stderr; these lines belong right under it.
    if (lines.length > 0) process.stderr.write(`${lines.join('\n')}\n\n`);
  }
}

module.exports = SkippedTestsReporter;
module.exports.skippedTestLines = skippedTestLines;
