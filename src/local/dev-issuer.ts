import { generateKeyPairSync, type JsonWebKey, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The `iss` of development tokens; the local server's authorizer trusts no other. */
export const DEV_ISSUER = 'http://localhost/dev-issuer';
/** The `aud` of development tokens, as a deployed authorizer names its app client. */
export const DEV_AUDIENCE = 'lambda-controllers-local';

/** The key pair of the local development issuer: ES256, with the key id tokens name. */
export interface DevIssuerKeys {
  readonly kid: string;
  /** Signs tokens (`lambda-controllers token`). */
  readonly privateJwk: JsonWebKey;
  /** Verifies them (the local server's JWT authorizer). */
  readonly publicJwk: JsonWebKey;
}

/** Where the project keeps its development issuer: git-ignored, never deployed. */
export function devIssuerFile(projectDir: string): string {
  return join(projectDir, '.local', 'dev-issuer.json');
}

/** A new ES256 key pair with a random key id; the keys are only ever written under `.local/`. */
export function generateDevIssuerKeys(): DevIssuerKeys {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const kid = randomUUID();
  return {
    kid,
    privateJwk: { ...privateKey.export({ format: 'jwk' }), kid, alg: 'ES256', use: 'sig' },
    publicJwk: { ...publicKey.export({ format: 'jwk' }), kid, alg: 'ES256', use: 'sig' },
  };
}

function isErrorCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && Reflect.get(error, 'code') === code;
}

function readKeys(file: string): DevIssuerKeys | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    // No issuer yet is the first run: the caller generates one.
    if (isErrorCode(error, 'ENOENT')) return undefined;
    throw error;
  }
  // Written by loadDevIssuer in exactly this shape; a hand-edited file fails at verification.
  return JSON.parse(text) as DevIssuerKeys;
}

/**
 * The project's development issuer, generated on first use and kept in `.local/dev-issuer.json`
 * so that tokens stay valid across restarts of `npm start`.
 *
 * @param projectDir - The folder holding `.local/` (the project root).
 * @returns The key pair.
 * @example
 * const keys = loadDevIssuer(process.cwd());
 * const token = signToken(keys, { iss: DEV_ISSUER, aud: DEV_AUDIENCE, scope: 'users/write' });
 */
export function loadDevIssuer(projectDir: string): DevIssuerKeys {
  const file = devIssuerFile(projectDir);
  const existing = readKeys(file);
  if (existing !== undefined) return existing;
  mkdirSync(dirname(file), { recursive: true });
  try {
    // `wx`: two processes starting at once keep one key pair, the first one written.
    writeFileSync(file, `${JSON.stringify(generateDevIssuerKeys(), null, 2)}\n`, {
      flag: 'wx',
      mode: 0o600,
    });
  } catch (error) {
    if (!isErrorCode(error, 'EEXIST')) throw error;
  }
  const written = readKeys(file);
  if (written === undefined) throw new Error(`${file} vanished while it was being written.`);
  return written;
}
