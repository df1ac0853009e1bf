import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listFiles, writeDeterministicZip } from './deterministic-zip';

function tree(mtime: Date): string {
  const dir = mkdtempSync(join(tmpdir(), 'zip-src-'));
  mkdirSync(join(dir, 'b/c'), { recursive: true });
  for (const [file, text] of [
    ['b/c/z.js', 'z'.repeat(1000)],
    ['a.js', 'module.exports = 1;\n'],
    ['b/é.txt', 'unicode name'],
  ] as const) {
    writeFileSync(join(dir, file), text);
    utimesSync(join(dir, file), mtime, mtime);
  }
  return dir;
}

describe('writeDeterministicZip', () => {
  it('lists files sorted, with forward slashes', () => {
    expect(listFiles(tree(new Date()))).toEqual(['a.js', 'b/c/z.js', 'b/é.txt']);
  });

  it('writes the same bytes for the same files whatever their timestamps', () => {
    const out = mkdtempSync(join(tmpdir(), 'zip-out-'));
    writeDeterministicZip(tree(new Date('2001-01-01')), join(out, 'one.zip'), 'nodejs/');
    writeDeterministicZip(tree(new Date('2026-06-06')), join(out, 'two.zip'), 'nodejs/');
    expect(readFileSync(join(out, 'one.zip')).equals(readFileSync(join(out, 'two.zip')))).toBe(
      true,
    );
  });

  it('writes a zip that a standard reader extracts intact', () => {
    const out = mkdtempSync(join(tmpdir(), 'zip-out-'));
    const zip = join(out, 'layer.zip');
    expect(writeDeterministicZip(tree(new Date()), zip, 'nodejs/')).toMatchObject({ entries: 3 });
    const listing = execFileSync(
      'python3',
      [
        '-c',
        'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print("\\n".join(f"{i.filename} {i.file_size} {oct(i.external_attr >> 16)}" for i in z.infolist()))',
        zip,
      ],
      { encoding: 'utf8' },
    );
    expect(listing.trim().split('\n')).toEqual([
      'nodejs/a.js 20 0o100644',
      'nodejs/b/c/z.js 1000 0o100644',
      'nodejs/b/é.txt 12 0o100644',
    ]);
  });
});
