import type { JsonWebKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type JwtAuthorizerContext, jwtAuthorizerContext } from './authorizer-context';
import { DEV_AUDIENCE, DEV_ISSUER } from './dev-issuer';

/** What the manifest (`routes.json`) says a route requires; the fields the gateway reads. */
export interface ProtectedRoute {
  readonly authorizationType: 'JWT' | 'NONE';
  readonly scopes: readonly string[];
}

/** What the authorizer makes of a request, before the function runs. */
export type AuthorizerDecision =
  | { readonly kind: 'pass' }
  | { readonly kind: 'allow'; readonly jwt: JwtAuthorizerContext }
  | { readonly kind: 'deny'; readonly status: 401 | 403; readonly reason: string };

/** The outcome of verifying the request's token: its payload, or why it was refused. */
export type Verification =
  | { readonly verified: true; readonly payload: Readonly<Record<string, unknown>> }
  | { readonly verified: false; readonly reason: string };

/**
 * API Gateway's decision for one request, given the route's entry in the manifest and the
 * verification of its token: an unprotected route passes untouched, a bad token is 401, a token
 * holding none of the route's scopes is 403 (any one of them is enough; no scopes admit any valid
 * token), and otherwise the claims go to the function.
 *
 * @param route - The route's manifest entry; `undefined` for a route the manifest does not list.
 * @param verify - Verifies the token; called only for a protected route.
 * @returns The decision.
 * @example
 * await authorizerDecision({ authorizationType: 'JWT', scopes: ['users/write'] }, verify);
 */
export async function authorizerDecision(
  route: ProtectedRoute | undefined,
  verify: () => Promise<Verification>,
): Promise<AuthorizerDecision> {
  if (route === undefined || route.authorizationType !== 'JWT') return { kind: 'pass' };
  const verification = await verify();
  if (!verification.verified) return { kind: 'deny', status: 401, reason: verification.reason };
  const jwt = jwtAuthorizerContext(verification.payload);
  if (route.scopes.length > 0 && !route.scopes.some((scope) => jwt.scopes?.includes(scope))) {
    return {
      kind: 'deny',
      status: 403,
      reason: `the token has none of the scopes ${route.scopes.join(', ')}`,
    };
  }
  return { kind: 'allow', jwt };
}

// API Gateway takes the identity source with or without the `Bearer` prefix.
const BEARER = /^(?:Bearer +)?([A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]+) *$/i;

/** The token of an `Authorization` header, or `undefined` when there is none to verify. */
export function bearerToken(authorization: string | undefined): string | undefined {
  return authorization === undefined ? undefined : BEARER.exec(authorization.trim())?.[1];
}

type Library = typeof import('aws-jwt-verify');
type JwkModule = typeof import('aws-jwt-verify/jwk');

/**
 * Verifies tokens of the development issuer with aws-jwt-verify: signature against the one cached
 * key, `iss`, `aud`, `exp` and `nbf`. Keys are never fetched: a token naming another key is
 * refused.
 */
export function devTokenVerifier(
  publicJwk: JsonWebKey,
  expected: { readonly issuer: string; readonly audience: string } = {
    issuer: DEV_ISSUER,
    audience: DEV_AUDIENCE,
  },
): (authorization: string | undefined) => Promise<Verification> {
  const { JwtVerifier } = require('aws-jwt-verify') as Library;
  const { SimpleJwksCache } = require('aws-jwt-verify/jwk') as JwkModule;
  const verifier = JwtVerifier.create(
    { issuer: expected.issuer, audience: expected.audience },
    {
      jwksCache: new SimpleJwksCache({
        fetcher: {
          fetch: () => Promise.reject(new Error('the token names a key the issuer does not have')),
        },
      }),
    },
  );
  verifier.cacheJwks({ keys: [publicJwk as Parameters<typeof verifier.cacheJwks>[0]['keys'][0]] });
  return async (authorization) => {
    const token = bearerToken(authorization);
    if (token === undefined) {
      return {
        verified: false,
        reason: authorization === undefined ? 'no Authorization header' : 'not a bearer JWT',
      };
    }
    try {
      return { verified: true, payload: await verifier.verify(token) };
    } catch (error) {
      // Every refusal is the gateway's 401; the reason goes to the local server's log line.
      return { verified: false, reason: error instanceof Error ? error.message : String(error) };
    }
  };
}

/** The JWT routes of a built function's manifest, by route key; `undefined` without a manifest. */
export function readRouteManifest(
  functionDir: string,
): ReadonlyMap<string, ProtectedRoute> | undefined {
  let text: string;
  try {
    text = readFileSync(join(functionDir, 'routes.json'), 'utf8');
  } catch (error) {
    // A function built otherwise has no manifest: it is served as before, with no authorizer.
    if (typeof error === 'object' && error !== null && Reflect.get(error, 'code') === 'ENOENT')
      return undefined;
    throw error;
  }
  // `lambda-controllers build` writes it: `{ function, routes: [{ routeKey, ... }] }`.
  const manifest = JSON.parse(text) as {
    routes: Array<ProtectedRoute & { readonly routeKey: string }>;
  };
  return new Map(
    manifest.routes.map(({ routeKey, authorizationType, scopes }) => [
      routeKey,
      { authorizationType, scopes },
    ]),
  );
}
