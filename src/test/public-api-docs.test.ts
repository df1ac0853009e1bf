import { join, resolve } from 'node:path';
import * as ts from 'typescript';

const ROOT = resolve(__dirname, '../..');

/** The package's entries, as users import them. */
const ENTRIES = {
  'lambda-controllers': join(ROOT, 'src/index.ts'),
  'lambda-controllers/openapi': join(ROOT, 'src/openapi/index.ts'),
  'lambda-controllers/testing': join(ROOT, 'src/testing/index.ts'),
};

interface PublicExport {
  readonly entry: string;
  readonly name: string;
  readonly summary: string;
  readonly tags: readonly string[];
}

/** Every name each entry exports, with the TSDoc of the declaration it stands for. */
function publicExports(): PublicExport[] {
  const config = ts.readConfigFile(join(ROOT, 'tsconfig.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const program = ts.createProgram(Object.values(ENTRIES), { ...options, noEmit: true });
  const checker = program.getTypeChecker();
  return Object.entries(ENTRIES).flatMap(([entry, file]) => {
    const source = program.getSourceFile(file);
    const module = source === undefined ? undefined : checker.getSymbolAtLocation(source);
    if (module === undefined) throw new Error(`${file} is not a module`);
    return checker.getExportsOfModule(module).map((exported) => {
      const symbol =
        exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      return {
        entry,
        name: exported.name,
        summary: ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim(),
        tags: symbol.getJsDocTags(checker).map((tag) => tag.name),
      };
    });
  });
}

describe('the public API', () => {
  const exported = publicExports();

  it('documents every export of both entries with a summary and an example', () => {
    const undocumented = exported
      .filter(({ summary, tags }) => summary === '' || !tags.includes('example'))
      .map(({ entry, name }) => `${entry}: ${name}`);

    expect(undocumented).toEqual([]);
  });

  it('gives users what they write with, and no internals', () => {
    const names = (entry: string) =>
      exported.filter((item) => item.entry === entry).map(({ name }) => name);

    expect(names('lambda-controllers')).toEqual(
      expect.arrayContaining(['createHandler', 'Controller', 'Get', 'Body', 'HttpError']),
    );
    expect(
      names('lambda-controllers').filter((name) =>
        ['loadRoutes', 'LoadedRoutes', 'RoutesOrigin', 'buildOpenApiDocument'].includes(name),
      ),
    ).toEqual([]);
    expect(names('lambda-controllers/openapi')).toEqual(
      expect.arrayContaining(['buildOpenApiDocument', 'OpenApiDocument', 'OpenApiDocumentError']),
    );
  });
});
