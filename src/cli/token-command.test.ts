import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDevIssuer } from '../local/dev-issuer';
import { devTokenVerifier } from '../local/local-authorizer';
import { CliUsageError, ExitCode } from './cli-errors';
import { runCli } from './run-cli';

let printed: string[];
let project: string;

beforeEach(() => {
  printed = [];
  project = mkdtempSync(join(tmpdir(), 'token-command-'));
  jest.spyOn(console, 'log').mockImplementation((line: unknown) => {
    printed.push(String(line));
  });
});

afterEach(() => {
  jest.restoreAllMocks();
  rmSync(project, { recursive: true, force: true });
});

describe('lambda-controllers token', () => {
  it('prints one token of the project issuer with the scopes and subject asked for', async () => {
    // Act
    const code = await runCli(
      [
        'token',
        '--scope',
        'users/write',
        '--scope',
        'users/read',
        '--sub',
        'dev-7',
        '--expires',
        '15m',
      ],
      project,
    );
    const verification = await devTokenVerifier(loadDevIssuer(project).publicJwk)(
      `Bearer ${printed[0]}`,
    );

    // Assess
    expect(code).toBe(ExitCode.Ok);
    expect(printed).toHaveLength(1);
    expect(verification).toEqual({
      verified: true,
      payload: expect.objectContaining({ sub: 'dev-7', scope: 'users/write users/read' }),
    });
    const payload = JSON.parse(
      Buffer.from(printed[0]?.split('.')[1] ?? '', 'base64url').toString(),
    );
    expect(payload.exp - payload.iat).toBe(900);
  });

  it.each([
    [['token', '--expires', 'soon'], '--expires "soon" is not a lifetime'],
    [['token', 'extra'], 'lambda-controllers token takes no arguments'],
    [['token', '--bogus'], "Unknown option '--bogus'"],
  ])('refuses %j as a usage error', async (argv, message) => {
    await expect(runCli(argv, project)).rejects.toThrow(message);
    await expect(runCli(argv, project)).rejects.toBeInstanceOf(CliUsageError);
  });
});
