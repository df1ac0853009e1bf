import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// The built command, run as a user runs it: a child process, judged by its exit code and output.
const ROOT = resolve(__dirname, '../../..');
const CLI = join(ROOT, 'dist/cli/lambda-controllers.js');
const SAMPLE = join(ROOT, 'layer-dist/functions/sample-api');

function run(args: readonly string[], cwd = ROOT) {
  const child = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

/** A project folder under the repository, so that tsup and @swc/core resolve from it. */
function scratchProject(files: Readonly<Record<string, string>>): string {
  mkdirSync(join(ROOT, '.local'), { recursive: true });
  const dir = mkdtempSync(join(ROOT, '.local', 'cli-project-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const CONTROLLER = `
import { Body, Post } from 'lambda-controllers';
import { IsString } from 'class-validator';
class NoteDto { @IsString() text!: string; }
export class Notes { @Post('/notes') create(@Body() body: NoteDto) { return body; } }
`;

const TSCONFIG = (metadata: boolean) =>
  JSON.stringify({
    compilerOptions: {
      target: 'ES2022',
      experimentalDecorators: true,
      emitDecoratorMetadata: metadata,
    },
  });

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function temporary(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('Run npm run build first: dist/cli is missing.');
});

describe('lambda-controllers (the command)', () => {
  it('builds a function exactly as the repository build does, with its zip', () => {
    // Prepare
    const out = temporary('cli-build-');

    // Act
    const result = run(['build', 'sample-api/routes.ts', '--out', out]);

    // Assess
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/sample-api\.zip \(2 files, [\d.]+ KB\)/);
    expect(readFileSync(join(out, 'sample-api/routes.js'))).toEqual(
      readFileSync(join(SAMPLE, 'routes.js')),
    );
    expect(existsSync(join(out, 'sample-api.zip'))).toBe(true);
    expect(readFileSync(join(out, 'sample-api/routes.json'), 'utf8')).toBe(
      readFileSync(join(SAMPLE, 'routes.json'), 'utf8'),
    );
  });

  it('exits with 1 naming a missing entry file', () => {
    const result = run(['build', 'nowhere/routes.ts', '--out', temporary('cli-build-')]);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('No entry file nowhere/routes.ts');
  });

  it('exits with 1 for a routes file without a routes export, leaving no function behind', () => {
    // Prepare
    const project = scratchProject({ 'notes.ts': CONTROLLER, 'tsconfig.json': TSCONFIG(true) });
    made.push(project);

    // Act
    const result = run(['build', 'notes.ts', '--out', 'out'], project);

    // Assess
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('notes.ts has no export "routes" (its exports: ["Notes"])');
    expect(existsSync(join(project, 'out/notes'))).toBe(false);
  });

  it('exits with 1 for a build without decorator metadata', () => {
    const project = scratchProject({
      'routes.ts': `${CONTROLLER}export { Notes as routes };\n`,
      'tsconfig.json': TSCONFIG(false),
    });
    made.push(project);

    const result = run(['build', '--out', 'out'], project);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('routes.ts was built without decorator metadata');
  });

  it('builds a layer with main.handler, the framework and the declared layer packages', () => {
    // Prepare
    const out = temporary('cli-layer-');

    // Act
    const result = run(['layer', '--out', out]);

    // Assess
    const modules = join(out, 'nodejs/node_modules');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/layer\.zip \(\d+ files, [\d.]+ MB, \d+ packages\)/);
    for (const file of [
      'main.js',
      'lambda-controllers/dist/index.js',
      'lambda-controllers/dist/openapi.js',
      'class-validator/package.json',
      'validator/package.json',
      '@aws-sdk/lib-dynamodb/package.json',
    ]) {
      expect(existsSync(join(modules, file))).toBe(true);
    }
    expect(existsSync(join(modules, 'lambda-controllers/dist/cli'))).toBe(false);
    expect(existsSync(join(modules, 'lambda-controllers/dist/local'))).toBe(false);
    expect(existsSync(join(out, 'layer.zip'))).toBe(true);

    // Act: the sample's OpenAPI document, built through that layer.
    const document = run(['openapi', '--function', SAMPLE, '--layer', modules]);

    // Assess
    expect(document.code).toBe(0);
    expect(JSON.parse(document.stdout)).toMatchObject({
      openapi: '3.1.0',
      info: { title: 'lambda-controllers' },
      paths: { '/users': expect.any(Object), '/users/{id}': expect.any(Object) },
    });
  });

  it('exits with 2 for an unknown command or flag, and 0 for help', () => {
    expect(run(['deploy']).code).toBe(2);
    expect(run(['layer', '--bogus']).code).toBe(2);
    expect(run(['start', '--port', 'x']).code).toBe(2);
    const help = run(['invoke', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: lambda-controllers invoke');
  });
});
