/** One name of the bundle's closing `export { local as exported }` clause. */
const EXPORT_NAME = /^([A-Za-z_$][\w$]*)(?: as ([A-Za-z_$][\w$]*))?$/;

/**
 * Turns esbuild's ES-module output into a CommonJS module whose `module.exports` is a plain object
 * built once the code has run. esbuild's own CommonJS output defines a getter per export, twice
 * (its namespace object, then the copy `module.exports` gets): for class-validator's 341 exports
 * that was a third of its require time. The packages' exports are constants, classes and
 * functions, so copying their values loses no live binding. Node's ES-module importers still
 * see every name (cjs-module-lexer reads the object literal).
 */
export function toCommonJs(name: string, bundle: string): string {
  const clause = /\nexport \{([^}]*)\};\n*$/.exec(bundle);
  if (clause?.[1] === undefined)
    throw new Error(`${name}: the bundle does not end in an export clause`);
  const body = bundle.slice(0, clause.index);
  if (/^export\b/m.test(body))
    throw new Error(`${name}: the bundle exports outside its last clause`);
  const properties = clause[1]
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => {
      const [, local, exported] = EXPORT_NAME.exec(entry) ?? [];
      if (local === undefined) throw new Error(`${name}: cannot read the export ${entry}`);
      return exported === undefined ? local : `${exported}: ${local}`;
    });
  // The code came from ES modules, which are strict: it stays strict inside CommonJS.
  return [
    '"use strict";',
    body,
    `module.exports = {\n  ${properties.join(',\n  ')}\n};`,
    'Object.defineProperty(module.exports, "__esModule", { value: true });',
    '',
  ].join('\n');
}
