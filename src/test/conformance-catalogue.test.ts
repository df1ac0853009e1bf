import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { caseNumbersOf, findCaseTests, readTestFiles } from './support/find-case-tests';
import { readConformanceCatalogue } from './support/read-conformance-catalogue';

const ROOT = join(__dirname, '../..');
const CATALOGUE = 'docs/conformance.md';

const catalogue = readConformanceCatalogue(readFileSync(join(ROOT, CATALOGUE), 'utf8'));
const caseTests = findCaseTests(readTestFiles(ROOT));

describe(CATALOGUE, () => {
  it('numbers its cases from C1 on, each once and in order', () => {
    expect(catalogue.map((entry) => entry.number)).toEqual(
      Array.from({ length: catalogue.length }, (_, index) => index + 1),
    );
  });

  it('lists, under each case, exactly the files whose tests are named after it', () => {
    const mismatches = catalogue.flatMap(({ number, testFiles }) => {
      const listed = [...testFiles].sort().join(', ') || 'no file';
      const named = [...(caseTests.get(number) ?? [])].sort().join(', ') || 'no file';
      return listed === named ? [] : [`C${number} lists ${listed}; its tests are in ${named}`];
    });

    expect(mismatches).toEqual([]);
  });

  it('has a case for every test named C<n>', () => {
    const known = new Set(catalogue.map((entry) => entry.number));
    const unknown = [...caseTests]
      .filter(([number]) => !known.has(number))
      .map(([number, files]) => `C${number} in ${[...files].join(', ')}`);

    expect(unknown).toEqual([]);
  });
});

describe('readConformanceCatalogue', () => {
  it('reads the files of a case, wrapped over several lines', () => {
    const markdown = [
      '## A. Events',
      '',
      '- **C1.** Detects the event. *Why:* the format.',
      '  Tests: `src/a.test.ts`,',
      '  `src/b.test.ts`',
      '- **C2.** Streams. *Why:* an issue.',
      '  Tests: none; streaming is not offered.',
    ].join('\n');

    expect(readConformanceCatalogue(markdown)).toEqual([
      { number: 1, testFiles: ['src/a.test.ts', 'src/b.test.ts'], noTestReason: undefined },
      { number: 2, testFiles: [], noTestReason: 'streaming is not offered.' },
    ]);
  });

  it.each([
    ['no Tests line', '- **C3.** A case.\n', 'C3 needs exactly one "Tests:" line; it has 0.'],
    [
      'two Tests lines',
      '- **C3.** A case.\n  Tests: `a.test.ts`\n  Tests: `b.test.ts`\n',
      'C3 needs exactly one "Tests:" line; it has 2.',
    ],
    ['no reason', '- **C3.** A case.\n  Tests: none\n', 'C3 has no test and gives no reason.'],
    ['prose for files', '- **C3.** A case.\n  Tests: somewhere\n', 'C3: "Tests: somewhere"'],
  ])('refuses a case with %s', (_label, markdown, message) => {
    expect(() => readConformanceCatalogue(markdown)).toThrow(message);
  });
});

/** Test source written with § for C, so that the scan of this very file finds no titles in it. */
function source(lines: readonly string[]): string {
  return lines.join('\n').replaceAll('§', 'C');
}

describe('findCaseTests', () => {
  it('finds titles of it, it.each and describe, and first cells of it.each rows', () => {
    const text = source([
      "it('§7: upper-cases the method', () => {});",
      "it.each([1, 2])('§13/§25: keeps %s', () => {});",
      'describe(',
      "  '§1–§3: detects',",
      '  () => {},',
      ');',
      "it.each([['§15: a cut escape', '%E0']])('keeps %s', () => {});",
    ]);

    const found = findCaseTests([{ path: 'src/x.test.ts', text }]);

    expect([...found.keys()].sort((a, b) => a - b)).toEqual([1, 2, 3, 7, 13, 15, 25]);
    expect(found.get(7)).toEqual(new Set(['src/x.test.ts']));
  });

  it('ignores case numbers that do not start a title or a row', () => {
    const text = source([
      "it('keeps the ALB rule (§38)', () => {});",
      "const cells = ['a', '§40: too large'];",
      "expect(decode('%§3%A9')).toBe('é');",
      '// §52: a comment',
    ]);

    expect(findCaseTests([{ path: 'src/x.test.ts', text }]).size).toBe(0);
  });

  it('reads the tests of this repository, shared suites included', () => {
    expect(caseTests.get(1)).toContain('src/test/event-source.case.ts');
  });
});

describe('caseNumbersOf', () => {
  it.each([
    ['C7', [7]],
    ['C13/C25/C31', [13, 25, 31]],
    ['C1–C4', [1, 2, 3, 4]],
    ['C1-C2/C9', [1, 2, 9]],
  ])('reads %s', (label, numbers) => {
    expect(caseNumbersOf(label)).toEqual(numbers);
  });

  it('refuses a range that runs backwards', () => {
    expect(() => caseNumbersOf('C4–C1')).toThrow('The case range C4–C1 runs backwards.');
  });
});
