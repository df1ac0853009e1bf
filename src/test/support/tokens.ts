// Tokens signed here with Node's own crypto, for tests that verify them: the load balancer's OIDC
// token (ES256, base64url with padding, as the ELB guide describes it) and an issuer's RS256 JWT
// with its JWKS.
import { generateKeyPairSync, type KeyObject, randomUUID, sign } from 'node:crypto';

export const ALB_ARN =
  'arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/50dc6c495c0c9188';

/** Seconds since the epoch, `offset` seconds from now. */
export function epochIn(offset: number): number {
  return Math.floor(Date.now() / 1000) + offset;
}

function encode(part: unknown, padded: boolean): string {
  const text = Buffer.from(JSON.stringify(part)).toString('base64url');
  return padded ? text.padEnd(Math.ceil(text.length / 4) * 4, '=') : text;
}

/** A load balancer's signing key: a P-256 pair and the UUID it is published under. */
export interface AlbKey {
  readonly kid: string;
  readonly privateKey: KeyObject;
  readonly publicKeyPem: string;
}

export function albKey(): AlbKey {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    kid: randomUUID(),
    privateKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/**
 * `x-amzn-oidc-data` as a load balancer sends it: header `{alg, kid, signer, iss, client, exp}`,
 * the user's claims, a raw R‖S ES256 signature, every part base64url-encoded with padding.
 */
export function albToken(
  key: AlbKey,
  claims: Record<string, unknown>,
  header: Record<string, unknown> = {},
): string {
  const protectedHeader = {
    typ: 'JWT',
    kid: key.kid,
    alg: 'ES256',
    iss: 'https://idp.example.com',
    client: 'web-client',
    signer: ALB_ARN,
    exp: epochIn(60),
    ...header,
  };
  const payload = { iss: 'https://idp.example.com', exp: epochIn(60), ...claims };
  const input = `${encode(protectedHeader, true)}.${encode(payload, true)}`;
  const signature = sign('sha256', Buffer.from(input), {
    key: key.privateKey,
    dsaEncoding: 'ieee-p1363',
  });
  const encoded = signature.toString('base64url');
  return `${input}.${encoded.padEnd(Math.ceil(encoded.length / 4) * 4, '=')}`;
}

/** An issuer's RS256 key and the JWKS that publishes it. */
export interface IssuerKey {
  readonly kid: string;
  readonly privateKey: KeyObject;
  readonly jwk: Readonly<Record<string, unknown>>;
}

export function issuerKey(kid: string = randomUUID()): IssuerKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
  return { kid, privateKey, jwk };
}

export const ISSUER = 'https://issuer.example.com';
export const AUDIENCE = 'orders-api';

/** A bearer token of `ISSUER` for `AUDIENCE`, valid for a minute unless `claims` say otherwise. */
export function bearerToken(key: IssuerKey, claims: Record<string, unknown>): string {
  const header = { alg: 'RS256', typ: 'JWT', kid: key.kid };
  const payload = { iss: ISSUER, aud: AUDIENCE, iat: epochIn(0), exp: epochIn(60), ...claims };
  const input = `${encode(header, false)}.${encode(payload, false)}`;
  const signature = sign('sha256', Buffer.from(input), key.privateKey).toString('base64url');
  return `${input}.${signature}`;
}
