import { randomUUID } from 'node:crypto';
import { DEV_AUDIENCE, DEV_ISSUER, type DevIssuerKeys } from './dev-issuer';
import { signToken } from './sign-token';

/** What a development token says of its caller. */
export interface DevTokenRequest {
  /** Granted scopes, e.g. `users/write`; none gives a token without a `scope` claim. */
  readonly scopes: readonly string[];
  readonly subject: string;
  /** Lifetime in seconds. */
  readonly expiresInSeconds: number;
  /** Issue time; now unless given. */
  readonly now?: Date;
}

const UNITS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86400 };

/**
 * Reads a lifetime such as `90`, `90s`, `15m`, `1h` or `7d` as seconds.
 *
 * @returns The seconds, or `undefined` when the text is not a positive lifetime.
 * @example
 * parseLifetime('1h'); // 3600
 */
export function parseLifetime(text: string): number | undefined {
  const match = /^(\d+)([smhd]?)$/.exec(text.trim());
  if (match === null) return undefined;
  const seconds = Number(match[1]) * (UNITS[match[2] || 's'] ?? 1);
  return seconds > 0 && Number.isSafeInteger(seconds) ? seconds : undefined;
}

/**
 * An access token of the local development issuer, shaped like one of a Cognito client
 * credentials grant: `iss`, `aud`, `sub`, `iat`, `exp`, `jti` and a space-separated `scope`.
 *
 * @example
 * devToken(loadDevIssuer(process.cwd()), { scopes: ['users/write'], subject: 'dev', expiresInSeconds: 3600 });
 */
export function devToken(keys: DevIssuerKeys, request: DevTokenRequest): string {
  const issuedAt = Math.floor((request.now ?? new Date()).getTime() / 1000);
  return signToken(keys, {
    iss: DEV_ISSUER,
    aud: DEV_AUDIENCE,
    sub: request.subject,
    token_use: 'access',
    iat: issuedAt,
    exp: issuedAt + request.expiresInSeconds,
    jti: randomUUID(),
    ...(request.scopes.length > 0 ? { scope: request.scopes.join(' ') } : {}),
  });
}
