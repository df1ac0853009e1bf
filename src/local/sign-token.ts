import { createPrivateKey, sign } from 'node:crypto';
import type { DevIssuerKeys } from './dev-issuer';

function base64Url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

/**
 * A compact JWS of `claims`, ES256-signed with the issuer's private key and naming its key id,
 * as an identity provider issues an access token.
 *
 * @param keys - The issuer's key pair.
 * @param claims - The payload, `iss`, `aud` and `exp` included.
 * @returns The token.
 * @example
 * signToken(loadDevIssuer(process.cwd()), { iss: DEV_ISSUER, aud: DEV_AUDIENCE, exp: 2e9 });
 */
export function signToken(
  keys: Pick<DevIssuerKeys, 'kid' | 'privateJwk'>,
  claims: Readonly<Record<string, unknown>>,
): string {
  const header = base64Url(JSON.stringify({ alg: 'ES256', typ: 'JWT', kid: keys.kid }));
  const payload = base64Url(JSON.stringify(claims));
  const key = createPrivateKey({ key: keys.privateJwk, format: 'jwk' });
  // JWS wants the raw r||s pair (RFC 7518 §3.4), not Node's default DER.
  const signature = sign('sha256', Buffer.from(`${header}.${payload}`), {
    key,
    dsaEncoding: 'ieee-p1363',
  });
  return `${header}.${payload}.${base64Url(signature)}`;
}
