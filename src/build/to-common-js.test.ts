import { runInThisContext } from 'node:vm';
import { toCommonJs } from './to-common-js';

/** Runs CommonJS source the way Node's loader does, and returns its `module.exports`. */
function load(source: string): Record<string, unknown> {
  const module = { exports: {} as unknown };
  runInThisContext(`(function (module, exports) {\n${source}\n})`)(module, module.exports);
  return module.exports as Record<string, unknown>;
}

describe('toCommonJs', () => {
  it('exports each name of the closing clause as a plain property, renames included', () => {
    const source = toCommonJs(
      'pkg',
      'var a = 1;\nfunction b2() { return 2; }\nexport {\n  a,\n  b2 as b\n};\n',
    );

    const exported = load(source);

    expect(Object.keys(exported)).toEqual(['a', 'b']);
    expect(exported['a']).toBe(1);
    expect(typeof exported['b']).toBe('function');
    expect(Object.getOwnPropertyDescriptor(exported, 'a')).toMatchObject({ value: 1 });
  });

  it('marks the exports as coming from an ES module, as the packages’ own CommonJS builds do', () => {
    const exported = load(toCommonJs('pkg', 'var a = 1;\nexport {\n  a\n};\n'));

    expect(exported['__esModule']).toBe(true);
    expect(Object.keys(exported)).toEqual(['a']);
  });

  it('keeps the code strict, as it was in its ES modules', () => {
    const source = toCommonJs(
      'pkg',
      'var frozen = Object.freeze({});\nvar write = () => { frozen.x = 1; };\nexport {\n  write\n};\n',
    );

    expect(() => (load(source)['write'] as () => void)()).toThrow(/not extensible/);
  });

  it.each([
    ['no closing clause', 'var a = 1;\n'],
    ['an export before the clause', 'export var a = 1;\nexport {\n  a\n};\n'],
    ['a clause name it cannot read', 'var a = 1;\nexport {\n  a as "b c"\n};\n'],
  ])('refuses a bundle with %s', (_case, bundle) => {
    expect(() => toCommonJs('pkg', bundle)).toThrow(/^pkg: /);
  });
});
