interface AssertionView {
  readonly status: string;
  readonly ancestorTitles: string[];
  readonly title: string;
}

interface TestFileView {
  readonly testFilePath: string;
  readonly testResults: AssertionView[];
}

// The reporter is CommonJS JavaScript, which jest loads without a transform; this is its shape.
const { skippedTestLines } = require('./skipped-tests-reporter.js') as {
  skippedTestLines(files: readonly TestFileView[], rootDir: string): string[];
};

function assertion(status: string, ancestorTitles: string[], title = 'a check'): AssertionView {
  return { status, ancestorTitles, title };
}

describe('skippedTestLines', () => {
  it('lists skipped tests once per file and describe, with the reason their title gives', () => {
    // Prepare
    const reason = 'terraform CLI checks (skipped: terraform not on PATH)';
    const files: TestFileView[] = [
      {
        testFilePath: '/repo/terraform/test/terraform.test.ts',
        testResults: [
          assertion('passed', ['terraform/ against the code it deploys']),
          assertion('pending', [reason], 'is formatted'),
          assertion('pending', [reason], 'validates'),
        ],
      },
      { testFilePath: '/repo/src/a.test.ts', testResults: [assertion('pending', [], 'top level')] },
    ];

    // Act
    const lines = skippedTestLines(files, '/repo');

    // Assess
    expect(lines).toEqual([
      'Skipped tests:',
      `  terraform/test/terraform.test.ts › ${reason} (2 tests)`,
      '  src/a.test.ts › top level (1 test)',
    ]);
  });

  it('prints nothing when no test was skipped', () => {
    const files = [{ testFilePath: '/repo/a.test.ts', testResults: [assertion('passed', ['a'])] }];

    expect(skippedTestLines(files, '/repo')).toEqual([]);
  });
});
