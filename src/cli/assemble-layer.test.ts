import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runtimePackages } from './assemble-layer';

const ROOT = resolve(__dirname, '../..');

let project: string;

beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'layer-packages-'));
});

afterEach(() => {
  rmSync(project, { recursive: true, force: true });
});

function install(at: string, name: string, version: string, dependencies = {}): void {
  const dir = join(at, 'node_modules', name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version, dependencies }));
}

describe('runtimePackages', () => {
  it('finds a package and its dependencies, transitively', () => {
    const found = runtimePackages([{ name: 'class-validator', from: ROOT }]);

    expect([...found.keys()]).toEqual(
      expect.arrayContaining(['class-validator', 'validator', 'libphonenumber-js']),
    );
    expect(found.get('class-validator')?.version).toBe('0.15.1');
  });

  it('names a package that is not installed and who needs it', () => {
    install(project, 'a', '1.0.0', { b: '^1' });

    expect(() => runtimePackages([{ name: 'a', from: project }])).toThrow(
      'b, needed by a, is not installed: npm i b',
    );
  });

  it('refuses two versions of one package, since a layer is one flat node_modules', () => {
    install(project, 'a', '1.0.0', { c: '^1' });
    install(project, 'b', '1.0.0', { c: '^2' });
    install(project, 'c', '1.0.0');
    install(join(project, 'node_modules', 'b'), 'c', '2.0.0');

    expect(() =>
      runtimePackages([
        { name: 'a', from: project },
        { name: 'b', from: project },
      ]),
    ).toThrow('c is installed at 1.0.0 and 2.0.0 (needed by b)');
  });
});
