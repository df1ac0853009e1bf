import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const SRC = join(__dirname, '../..');

/** Every TypeScript file of the framework and its tools, tests left out. */
function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'test' ? [] : sourceFiles(path);
    return /\.m?ts$/.test(entry.name) && !/\.test\.ts$|\.d\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** `file:line: text` of every call or `new` that spreads an argument. */
function spreadArguments(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isCallExpression(node) || ts.isNewExpression(node)) &&
      node.arguments?.some(ts.isSpreadElement)
    ) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      found.push(`${relative(SRC, file)}:${line + 1}: ${node.getText().split('\n')[0]}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('spread arguments', () => {
  it('are never used in src/: each element becomes a stack slot, and input-sized arrays overflow it', () => {
    // f(...list) with 130,000 entries throws RangeError; a loop or a single array argument
    // costs the same and cannot. Spread inside array and object literals is fine.
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap(spreadArguments)).toEqual([]);
  });

  it('are found by the check', () => {
    const file = join(__dirname, 'fixtures/spread-call.ts.txt');
    expect(spreadArguments(file)).toEqual([
      expect.stringContaining(':1: list.push(...values)'),
      expect.stringContaining(':2: new Set(...lists)'),
    ]);
  });
});
