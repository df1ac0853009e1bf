import { loadDevIssuer } from '../local/dev-issuer';
import { devToken, parseLifetime } from '../local/dev-token';
import { CliUsageError, ExitCode } from './cli-errors';
import type { Command } from './command';
import { parseCommandLine } from './parse-command-line';

const USAGE = `Usage: lambda-controllers token [--scope SCOPE]... [--sub ID] [--expires 1h]

Prints an access token of the local development issuer, which "lambda-controllers start" trusts
on the routes its JWT authorizer protects. The issuer's key pair is generated on first use in
.local/dev-issuer.json; it is for local development only.

Options:
  --scope SCOPE   a scope to grant, e.g. users/write; repeat for more (default: none)
  --sub ID        the token's subject (default: local-developer)
  --expires TIME  lifetime: 90s, 15m, 1h, 7d (default: 1h)
  -h, --help      show this help`;

export const tokenCommand: Command = {
  name: 'token',
  summary: 'print a token of the local development issuer',
  usage: USAGE,
  run: async (argv, cwd) => {
    const { values, positionals } = parseCommandLine('token', argv, {
      scope: { type: 'string', multiple: true },
      sub: { type: 'string' },
      expires: { type: 'string' },
    });
    if (values.help === true) {
      console.log(USAGE);
      return ExitCode.Ok;
    }
    if (positionals.length > 0) {
      throw new CliUsageError(`lambda-controllers token takes no arguments.\n\n${USAGE}`);
    }
    const expires = values.expires ?? '1h';
    const expiresInSeconds = parseLifetime(expires);
    if (expiresInSeconds === undefined) {
      throw new CliUsageError(
        `lambda-controllers token: --expires ${JSON.stringify(expires)} is not a lifetime such as 15m or 1h.`,
      );
    }
    const keys = loadDevIssuer(cwd);
    const scopes = (values.scope ?? []).flatMap((scope) => scope.split(' ')).filter(Boolean);
    console.log(
      devToken(keys, { scopes, subject: values.sub ?? 'local-developer', expiresInSeconds }),
    );
    return ExitCode.Ok;
  },
};
