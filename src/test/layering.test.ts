import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { preProcessFile } from 'typescript';

// The layering the README's architecture section shows. A module imports its own files and the
// modules listed here, nothing else; tests and `src/test/` are exempt: they drive from above.
const SRC = resolve(__dirname, '..');

const MAY_IMPORT: Readonly<Record<string, readonly string[]>> = {
  http: [],
  metadata: [],
  logging: [],
  errors: ['http'],
  // Types, composition and the authorization step; the handler runs the chains.
  middleware: ['http', 'metadata', 'errors', 'identity'],
  events: ['http', 'logging', 'errors'],
  routing: ['http', 'metadata', 'errors', 'middleware'],
  validation: ['http', 'metadata', 'errors'],
  // Turns returned class instances into plain data, with class-transformer's metadata.
  serialization: ['http', 'metadata', 'errors'],
  // Stream bodies: collecting, SSE framing, the runtime's streaming contract.
  streaming: ['http'],
  decorators: ['metadata', 'errors', 'middleware'],
  // The caller's identity, read from the event or verified from a token when a route asks for it.
  identity: ['http', 'errors', 'events'],
  handler: [
    'http',
    'metadata',
    'logging',
    'errors',
    'events',
    'routing',
    'validation',
    'serialization',
    'streaming',
    'identity',
    'middleware',
  ],
  // src/index.ts, the package's main entry.
  index: [
    'http',
    'metadata',
    'logging',
    'errors',
    'events',
    'routing',
    'validation',
    'serialization',
    'streaming',
    'decorators',
    'identity',
    'middleware',
    'handler',
  ],
  // Describes the table a handler built (routing/served-routes.ts); never runs or configures one.
  openapi: ['index', 'http', 'metadata', 'errors', 'routing', 'validation'],
  // Builds events and reads results itself; runs them through the public createHandler.
  testing: ['index', 'http'],
  // Loads routes.js and builds main.handler through the public API.
  layer: ['index', 'errors'],
  build: [],
  local: [
    'http',
    'metadata',
    'logging',
    'errors',
    'events',
    'routing',
    'validation',
    'streaming',
    'decorators',
    'identity',
    'handler',
    'index',
    'openapi',
    'layer',
  ],
  // The lambda-controllers command: builds with build/, serves with local/.
  cli: ['build', 'local', 'errors'],
};

/** The package's entries, as the layer and the OpenAPI subpath name them. */
const PACKAGE_ENTRIES: Readonly<Record<string, string>> = {
  'lambda-controllers': 'index',
  'lambda-controllers/openapi': 'openapi',
  'lambda-controllers/testing': 'testing',
};

/** `validation` for `src/validation/coerce.ts`; `index` for `src/index.ts`. */
function moduleOf(path: string): string {
  const [first = '', ...rest] = relative(SRC, path).split(sep);
  return rest.length === 0 ? first.replace(/\.ts$/, '') : first;
}

/**
 * Why `file` may not import `specifier`, or `undefined` when it may. Only imports that stay in
 * `src/` are judged: packages, Node built-ins and paths leaving `src/` are not layers.
 */
function layeringViolation(file: string, specifier: string): string | undefined {
  const from = moduleOf(file);
  const entry = PACKAGE_ENTRIES[specifier];
  let target: string;
  if (entry !== undefined) target = entry;
  else if (specifier.startsWith('.')) {
    const resolved = resolve(dirname(file), specifier);
    if (relative(SRC, resolved).startsWith('..')) return undefined;
    target = moduleOf(resolved);
  } else return undefined;
  const where = relative(resolve(SRC, '..'), file);
  const allowed = MAY_IMPORT[from];
  if (allowed === undefined) {
    return `${where}: module "${from}" is not in the layering table; add it (and to the README).`;
  }
  if (target === from || allowed.includes(target)) return undefined;
  return (
    `${where} imports '${specifier}' (${target}), but ${from} may import only ` +
    `${allowed.length === 0 ? 'its own files' : allowed.join(', ')}.`
  );
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return path === join(SRC, 'test') ? [] : sourceFiles(path);
    return /\.m?ts$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Every import specifier of a file: static, `export … from`, `import()` and `require()`. */
function specifiersOf(file: string): string[] {
  const info = preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles.map((imported) => imported.fileName);
}

describe('the layering of src', () => {
  it('holds: every module imports only its own files and the modules below it', () => {
    // Act
    const violations = sourceFiles(SRC).flatMap((file) =>
      specifiersOf(file).flatMap((specifier) => layeringViolation(file, specifier) ?? []),
    );

    // Assess
    expect(violations).toEqual([]);
  });

  it.each([
    ['src/openapi/build-document.ts', '../handler/options', 'openapi may import only index,'],
    ['src/metadata/records.ts', '../openapi/document-types', 'metadata may import only its own'],
    ['src/decorators/api-docs.ts', '../openapi/document-types', 'decorators may import only'],
    ['src/validation/coerce.ts', '../routing/param-binding', 'validation may import only'],
    ['src/http/body.ts', '../errors/http-error', 'http may import only its own files'],
    ['src/http/response.ts', '../events/types', 'http may import only its own files'],
    ['src/layer/load-routes.ts', '../handler/options', 'layer may import only index, errors'],
    ['src/layer/load-routes.ts', '../routing/route-table', 'layer may import only index, errors'],
    ['src/index.ts', './layer/load-routes', 'index may import only'],
    ['src/index.ts', './openapi/build-document', 'index may import only'],
    ['src/routing/route-table.ts', 'lambda-controllers', 'routing may import only'],
    ['src/handler/create-handler.ts', 'lambda-controllers/openapi', 'handler may import only'],
  ])('refuses %s importing %s', (file, specifier, rule) => {
    expect(layeringViolation(resolve(SRC, '..', file), specifier)).toContain(rule);
  });

  it('names the file, the import, its module and the rule', () => {
    expect(
      layeringViolation(resolve(SRC, 'validation/coerce.ts'), '../routing/param-binding'),
    ).toBe(
      "src/validation/coerce.ts imports '../routing/param-binding' (routing), but validation " +
        'may import only http, metadata, errors.',
    );
  });

  it('accepts imports within a module, of packages and of lower modules', () => {
    expect(layeringViolation(resolve(SRC, 'routing/matcher.ts'), './path-pattern')).toBeUndefined();
    expect(
      layeringViolation(resolve(SRC, 'routing/matcher.ts'), '../http/encoding'),
    ).toBeUndefined();
    expect(layeringViolation(resolve(SRC, 'http/response.ts'), 'node:buffer')).toBeUndefined();
    expect(layeringViolation(resolve(SRC, 'layer/main.ts'), 'lambda-controllers')).toBeUndefined();
  });

  it('refuses a module the table does not know', () => {
    expect(layeringViolation(resolve(SRC, 'plugins/x.ts'), '../http/status')).toBe(
      'src/plugins/x.ts: module "plugins" is not in the layering table; add it (and to the README).',
    );
  });
});
