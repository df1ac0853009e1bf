import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { DEFAULT_LAYER_MODULES } from '../../local/function-process';
import { layerRuntimes } from './support/runtimes';

const layer = resolve(DEFAULT_LAYER_MODULES);

// Runs in a fresh process that resolves packages only from the layer, as a function does: the
// working directory is outside the repository, whose node_modules would otherwise be found.
const PROBE = `
const loaded = (name) =>
  Object.keys(require.cache).filter((file) => file.includes('/node_modules/' + name + '/'));
require('reflect-metadata'); // as main.js does first: @Type reads design:type
const validatorLib = require('class-validator');
const transformer = require('class-transformer');
const report = {
  validatorFiles: loaded('class-validator'),
  transformerFiles: loaded('class-transformer'),
  eager: [...loaded('validator'), ...loaded('libphonenumber-js')],
  accessors: [validatorLib, transformer].flatMap((lib) =>
    Object.entries(Object.getOwnPropertyDescriptors(lib))
      .filter(([, descriptor]) => descriptor.get !== undefined)
      .map(([name]) => name),
  ),
  exportCounts: [Object.keys(validatorLib).length, Object.keys(transformer).length],
  fromBundle: Object.keys(require.cache).filter((file) => file.endsWith('/layer-bundle.js')),
  sameValidator:
    require('layer-bundle').modules['class-validator/index.js'] === validatorLib &&
    require('layer-bundle').modules['class-transformer/cjs/storage.js'].defaultMetadataStorage ===
      transformer.defaultMetadataStorage,
};
// The framework's compiled validators call class-validator's exported rules, so requiring it
// must not load validator.js either.
require('lambda-controllers');
report.eagerWithFramework = [...loaded('validator'), ...loaded('libphonenumber-js')];
class Dto {}
validatorLib.IsEmail()(Dto.prototype, 'email');
const check = (email) => validatorLib.validateSync(Object.assign(new Dto(), { email })).length;
report.errors = [check('ada@example.com'), check('not an email')];
report.afterIsEmail = loaded('validator');
report.phoneAfterIsEmail = loaded('libphonenumber-js');
class Parent {}
transformer.Type(() => Dto)(Parent.prototype, 'child');
const shim = require('class-transformer/cjs/storage').defaultMetadataStorage;
report.sameStorage = shim === transformer.defaultMetadataStorage;
report.typeThroughShim = shim.findTypeMetadata(Parent, 'child') !== undefined;
report.transformerFilesAfterShim = loaded('class-transformer');
process.stdout.write(JSON.stringify(report));
`;

interface ProbeReport {
  validatorFiles: string[];
  transformerFiles: string[];
  eager: string[];
  accessors: string[];
  exportCounts: number[];
  fromBundle: string[];
  sameValidator: boolean;
  eagerWithFramework: string[];
  errors: number[];
  afterIsEmail: string[];
  phoneAfterIsEmail: string[];
  sameStorage: boolean;
  typeThroughShim: boolean;
  transformerFilesAfterShim: string[];
}

describe.each(layerRuntimes())('the layer packages on $label', ({ binary }) => {
  let report: ProbeReport;

  beforeAll(() => {
    const run = spawnSync(binary, ['-e', PROBE], {
      cwd: tmpdir(),
      env: { PATH: process.env['PATH'] ?? '', NODE_PATH: layer },
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`the probe failed: ${run.stderr}`);
    report = JSON.parse(run.stdout) as ProbeReport;
  });

  it('loads class-validator and class-transformer as one file each', () => {
    expect(report.validatorFiles).toEqual([`${layer}/class-validator/index.js`]);
    expect(report.transformerFiles).toEqual([`${layer}/class-transformer/index.js`]);
  });

  it('runs them from the one layer bundle, through shims that hand out its modules', () => {
    expect(report.fromBundle).toEqual([`${layer}/layer-bundle.js`]);
    expect(report.sameValidator).toBe(true);
  });

  it('exports every name as a plain value, without an accessor to run on each read', () => {
    expect(report.accessors).toEqual([]);
    expect(report.exportCounts.every((count) => count > 10)).toBe(true);
  });

  it('does not load validator.js or libphonenumber-js when class-validator is required', () => {
    expect(report.eager).toEqual([]);
  });

  it('does not load validator.js when lambda-controllers is required either', () => {
    expect(report.eagerWithFramework).toEqual([]);
  });

  it('loads validator.js from the layer when an IsEmail validation runs', () => {
    expect(report.errors).toEqual([0, 1]);
    // One file holding isEmail and what it requires (isFQDN, isIP, …), not its require tree.
    expect(report.afterIsEmail).toEqual([`${layer}/validator/lib/isEmail.js`]);
    expect(report.phoneAfterIsEmail).toEqual([]);
  });

  it('gives class-transformer/cjs/storage the bundle’s own metadata storage', () => {
    expect(report.sameStorage).toBe(true);
    expect(report.typeThroughShim).toBe(true);
    expect([...report.transformerFilesAfterShim].sort()).toEqual([
      `${layer}/class-transformer/cjs/storage.js`,
      `${layer}/class-transformer/index.js`,
    ]);
  });
});
