import { CliUsageError, ExitCode } from './cli-errors';
import { runCli } from './run-cli';

let printed: string[];

beforeEach(() => {
  printed = [];
  jest.spyOn(console, 'log').mockImplementation((line: unknown) => {
    printed.push(String(line));
  });
});

afterEach(() => {
  jest.restoreAllMocks();
});

describe('runCli', () => {
  it('lists the commands and exits with 2 when none is given', async () => {
    expect(await runCli([], '/tmp')).toBe(ExitCode.Usage);
    expect(printed.join('\n')).toMatch(/build .*\n.*layer .*\n.*start .*\n.*invoke .*\n.*openapi /);
  });

  it.each([['--help'], ['-h'], ['help']])(
    'lists the commands for %s and exits with 0',
    async (flag) => {
      expect(await runCli([flag], '/tmp')).toBe(ExitCode.Ok);
      expect(printed.join('\n')).toContain('Usage: lambda-controllers <command> [options]');
    },
  );

  it('prints the version', async () => {
    expect(await runCli(['--version'], '/tmp')).toBe(ExitCode.Ok);
    expect(printed).toEqual([expect.stringMatching(/^\d+\.\d+\.\d+/)]);
  });

  it('refuses an unknown command, naming it', async () => {
    await expect(runCli(['deploy'], '/tmp')).rejects.toThrow('Unknown command "deploy".');
    await expect(runCli(['deploy'], '/tmp')).rejects.toBeInstanceOf(CliUsageError);
  });

  it.each(['build', 'layer', 'openapi'])('prints the help of %s and exits with 0', async (name) => {
    expect(await runCli([name, '--help'], '/tmp')).toBe(ExitCode.Ok);
    expect(printed.join('\n')).toContain(`Usage: lambda-controllers ${name}`);
  });

  it.each([
    [['build', '--bogus'], /^lambda-controllers build: .*Unknown option '--bogus'/],
    [['build', '--out', ''], 'lambda-controllers build: --out takes a folder'],
    [
      ['layer', 'extra'],
      'lambda-controllers layer takes no arguments besides flags; got ["extra"]',
    ],
    [
      ['openapi', 'extra'],
      'lambda-controllers openapi takes no arguments besides flags; got ["extra"]',
    ],
  ])('refuses %j as a usage error', async (argv, message) => {
    await expect(runCli(argv, '/tmp')).rejects.toThrow(message);
    await expect(runCli(argv, '/tmp')).rejects.toBeInstanceOf(CliUsageError);
  });

  it('asks for --function when layer-dist/functions holds no single function', async () => {
    await expect(runCli(['openapi'], '/nonexistent')).rejects.toThrow(
      'lambda-controllers openapi: name the function with --function DIR',
    );
  });
});
