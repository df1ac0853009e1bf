import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { declaredLayerPackages } from './layer-dependencies';

let project: string;

beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'layer-deps-'));
});

afterEach(() => {
  rmSync(project, { recursive: true, force: true });
});

function writeManifest(manifest: unknown): void {
  writeFileSync(join(project, 'package.json'), JSON.stringify(manifest));
}

describe('declaredLayerPackages', () => {
  it('reads lambdaControllers.layer from package.json', () => {
    writeManifest({ lambdaControllers: { layer: ['@aws-sdk/client-s3', 'ulid'] } });

    expect(declaredLayerPackages(project)).toEqual(['@aws-sdk/client-s3', 'ulid']);
  });

  it.each([[{}], [{ lambdaControllers: {} }]])('answers none for %j', (manifest) => {
    writeManifest(manifest);

    expect(declaredLayerPackages(project)).toEqual([]);
  });

  it('answers none without a package.json', () => {
    expect(declaredLayerPackages(project)).toEqual([]);
  });

  it('refuses a list that is not of package names', () => {
    writeManifest({ lambdaControllers: { layer: 'ulid' } });

    expect(() => declaredLayerPackages(project)).toThrow(
      '"lambdaControllers.layer" must be an array of package names; got "ulid".',
    );
  });
});
