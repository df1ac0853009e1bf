import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { preProcessFile } from 'typescript';

// The local server is a tool for any function, and the sample API one function among others:
// neither imports the other. What the sample needs locally reaches the server through the
// --services module; the server names the sample only as its default paths.
const ROOT = resolve(__dirname, '../..');
const LOCAL = join(ROOT, 'src/local');
const SAMPLE = join(ROOT, 'sample-api');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(?:[cm]?ts|[cm]?js)$/.test(file))
    .map((file) => join(folder, file));
}

function withoutExtension(path: string): string {
  return path.replace(/\.[cm]?[jt]s$/, '');
}

/** `file: specifier` for every import, export-from, require() and import() that lands in `target`. */
function importsInto(folder: string, target: string): string[] {
  return sourceFiles(folder).flatMap((file) =>
    preProcessFile(readFileSync(file, 'utf8'), true, true)
      .importedFiles.map(({ fileName }) => fileName)
      .filter((specifier) => {
        if (!specifier.startsWith('.')) return false;
        const landing = withoutExtension(resolve(dirname(file), specifier));
        return landing === target || landing.startsWith(target + sep);
      })
      .map((specifier) => `${relative(ROOT, file)}: ${specifier}`),
  );
}

describe('the local server and the sample API', () => {
  it('reads import specifiers of both folders (the checks below see real imports)', () => {
    expect(importsInto(LOCAL, join(LOCAL, 'cli-options'))).toContain(
      'src/local/cli.ts: ./cli-options',
    );
    expect(importsInto(SAMPLE, join(SAMPLE, 'local/dynamodb-local'))).toContain(
      'sample-api/local/services.ts: ./dynamodb-local.ts',
    );
  });

  it('src/local imports nothing from sample-api', () => {
    expect(importsInto(LOCAL, SAMPLE)).toEqual([]);
  });

  it('sample-api imports nothing from src/local', () => {
    expect(importsInto(SAMPLE, LOCAL)).toEqual([]);
  });
});
