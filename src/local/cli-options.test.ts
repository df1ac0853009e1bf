import { resolve } from 'node:path';
import { DEFAULT_FUNCTION_DIR, DEFAULT_SERVICES, parseLocalArgs, UsageError } from './cli-options';

function usageErrorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error('expected a UsageError');
}

describe('parseLocalArgs', () => {
  it('defaults to the sample API and its services on port 3000, $default stage, 30 s and 512 MB like Terraform', () => {
    expect(parseLocalArgs([], {}, 'serve')).toEqual({
      port: 3000,
      functionDir: DEFAULT_FUNCTION_DIR,
      functionName: 'sample-api',
      stage: '$default',
      watch: false,
      openapi: false,
      docs: false,
      timeoutSeconds: 30,
      memoryMb: 512,
      concurrency: 4,
      services: DEFAULT_SERVICES,
      env: {},
      stream: false,
      help: false,
      positionals: [],
      base: process.cwd(),
    });
  });

  it('turns on the OpenAPI document with --openapi', () => {
    expect(parseLocalArgs(['--openapi'], {}, 'serve').openapi).toBe(true);
  });

  it('turns on the API reference, and the document it renders, with --docs', () => {
    expect(parseLocalArgs(['--docs'], {}, 'serve')).toMatchObject({ docs: true, openapi: true });
  });

  it('reads --function relative to where npm was run (INIT_CWD)', () => {
    expect(
      parseLocalArgs(['--function', 'fn'], { INIT_CWD: '/home/me/app' }, 'serve'),
    ).toMatchObject({
      functionDir: '/home/me/app/fn',
      base: '/home/me/app',
    });
  });

  it('takes the port from PORT, and --port over PORT', () => {
    expect(parseLocalArgs([], { PORT: '4000' }, 'serve').port).toBe(4000);
    expect(parseLocalArgs(['--port', '5000'], { PORT: '4000' }, 'serve').port).toBe(5000);
  });

  it('reads every flag', () => {
    // Act
    const options = parseLocalArgs(
      [
        '--function',
        'build/fn',
        '--stage',
        'dev',
        '--watch',
        '--timeout',
        '3',
        '--memory',
        '1024',
        '--concurrency',
        '8',
        '--services',
        'local/services.mjs',
        '--env',
        'A=1',
        '--env',
        'B=x=y',
      ],
      {},
      'serve',
    );
    // Assess
    expect(options).toMatchObject({
      functionDir: resolve('build/fn'),
      functionName: 'fn',
      stage: 'dev',
      watch: true,
      timeoutSeconds: 3,
      memoryMb: 1024,
      concurrency: 8,
      services: resolve('local/services.mjs'),
      env: { A: '1', B: 'x=y' },
    });
  });

  it.each([
    [['--port', '70000'], '--port must be an integer from 0 to 65535; got "70000"'],
    [['--timeout', '0'], '--timeout must be an integer from 1 to 900; got "0"'],
    [['--memory', '64'], '--memory must be an integer from 128 to 10240; got "64"'],
    [['--concurrency', '1.5'], '--concurrency must be an integer from 1 to 1000; got "1.5"'],
    [['--services', ''], '--services takes a module path, or none'],
    [['--env', 'no-equals'], '--env takes NAME=VALUE; got "no-equals"'],
    [['--stage', 'a/b'], '--stage must be $default or letters, digits, - and _; got "a/b"'],
    [['extra.json'], 'npm start takes no arguments besides flags; got ["extra.json"]'],
  ])('refuses %j for npm start', (argv, message) => {
    expect(usageErrorOf(() => parseLocalArgs(argv, {}, 'serve'))).toBe(message);
  });

  it('names an unknown flag', () => {
    expect(usageErrorOf(() => parseLocalArgs(['--prot', '1'], {}, 'serve'))).toMatch(/--prot/);
  });

  it('refuses server flags for npm run invoke and keeps its event file', () => {
    expect(usageErrorOf(() => parseLocalArgs(['--watch', 'e.json'], {}, 'invoke'))).toBe(
      '--watch only applies to npm start',
    );
    expect(parseLocalArgs(['e.json', '--services', 'none'], {}, 'invoke')).toMatchObject({
      positionals: ['e.json'],
      services: undefined,
    });
  });

  it('reads --services relative to where npm was run, and none as no services', () => {
    expect(
      parseLocalArgs(['--services', 'local/s.ts'], { INIT_CWD: '/home/me/app' }, 'serve'),
    ).toMatchObject({ services: '/home/me/app/local/s.ts' });
    expect(parseLocalArgs(['--services', 'none'], {}, 'serve').services).toBeUndefined();
  });
});
