import type { Fetcher } from 'aws-jwt-verify/https';
import { messageOf } from '../errors/message-of';
import { isAlbEvent } from '../events/alb';
import type { LambdaHttpRequest } from '../http/request';
import type { AlbAuthOptions, AuthOptions, JwtAuthOptions } from './auth-options';
import { fromVerifiedToken } from './from-verified-token';
import {
  authorizerPrincipalOf,
  isPrincipalSettled,
  type Principal,
  settlePrincipal,
} from './principal';

/** Verifies, once per request, the tokens the `auth` option says to verify. */
export interface TokenVerifier {
  /**
   * Settles the request's principal: the authorizer's when there is one, else the principal of a
   * token that verifies (the load balancer's OIDC token, then a bearer token), else none, with
   * the reason a presented token was refused (which `@Authorized` answers with 401, or 503 when
   * the keys could not be fetched). It does not throw for a bad token or a key outage.
   */
  settle(request: LambdaHttpRequest): Promise<void>;
}

/** Ways into the verification for tests: where keys are fetched from. */
export interface TokenVerifierSeams {
  readonly fetcher?: Fetcher;
}

type Verify = (token: string) => Promise<unknown>;

interface Verifiers {
  readonly alb: Verify | undefined;
  readonly jwt: Verify | undefined;
  /** Whether an error means the keys could not be had, rather than a bad token. */
  readonly isKeyOutage: (error: unknown) => boolean;
}

/** Thrown by the fetcher of a verifier given `keys`: a key id outside them is a bad token. */
class UnknownKeyError extends Error {}

const refuseFetch: Fetcher = {
  fetch: () =>
    Promise.reject(new UnknownKeyError('The token is signed with a key that is not configured.')),
};

function albFetcher(publicKey: NonNullable<AlbAuthOptions['publicKey']>): Fetcher {
  return {
    // The cache asks for `<jwksUri>/<kid>`; the key id is the last segment.
    fetch: async (uri) => {
      const kid = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
      const bytes = new TextEncoder().encode(await publicKey(kid));
      return bytes.buffer;
    },
  };
}

type Library = typeof import('aws-jwt-verify');
type JwkModule = typeof import('aws-jwt-verify/jwk');
type AlbCacheModule = typeof import('aws-jwt-verify/alb-cache');
type ErrorModule = typeof import('aws-jwt-verify/error');

// aws-jwt-verify is required on the first token to verify, never by a handler that verifies none,
// so it costs nothing at cold start. `require` (not `import()`) loads its CommonJS build, the one
// whose error classes its verifiers throw, synchronously and without the ES-module loader.
function loadVerifiers(auth: AuthOptions, seams: TokenVerifierSeams): Verifiers {
  const { AlbJwtVerifier, JwtVerifier } = require('aws-jwt-verify') as Library;
  const { SimpleJwksCache } = require('aws-jwt-verify/jwk') as JwkModule;
  const { AlbJwksCache } = require('aws-jwt-verify/alb-cache') as AlbCacheModule;
  const errors = require('aws-jwt-verify/error') as ErrorModule;
  let jwt: Verify | undefined;
  if (auth.jwt !== undefined) jwt = bearerVerifier(auth.jwt, seams, JwtVerifier, SimpleJwksCache);
  let alb: Verify | undefined;
  if (auth.alb !== undefined) {
    const { loadBalancerArn, clientId, issuer, publicKey } = auth.alb;
    const fetcher = publicKey === undefined ? seams.fetcher : albFetcher(publicKey);
    const verifier = AlbJwtVerifier.create(
      { albArn: loadBalancerArn, issuer: issuer ?? null, clientId: clientId ?? null },
      { jwksCache: new AlbJwksCache(fetcher === undefined ? {} : { fetcher }) },
    );
    alb = (token) => verifier.verify(token);
  }
  return {
    alb,
    jwt,
    isKeyOutage: (error) =>
      error instanceof errors.FetchError || error instanceof errors.JwksValidationError,
  };
}

function bearerVerifier(
  options: JwtAuthOptions,
  seams: TokenVerifierSeams,
  JwtVerifier: Library['JwtVerifier'],
  SimpleJwksCache: JwkModule['SimpleJwksCache'],
): Verify {
  const { issuer, audience, jwksUri, keys } = options;
  const fetcher = keys !== undefined ? refuseFetch : seams.fetcher;
  const verifier = JwtVerifier.create(
    {
      issuer,
      // The library takes a mutable list; the option is read-only.
      audience: audience === null || typeof audience === 'string' ? audience : [...audience],
      ...(jwksUri === undefined ? {} : { jwksUri }),
    },
    { jwksCache: new SimpleJwksCache(fetcher === undefined ? {} : { fetcher }) },
  );
  // The library checks each key as it reads it; the option was only checked for shape.
  if (keys !== undefined) verifier.cacheJwks(keys as Parameters<typeof verifier.cacheJwks>[0]);
  return (token) => verifier.verify(token);
}

const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/** An RFC 6750 `error_description` may hold printable ASCII except `"` and `\`. */
function describeRefusal(error: unknown): string {
  const text = messageOf(error).replace(/[^\x20-\x21\x23-\x5b\x5d-\x7e]/g, ' ');
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}

/**
 * Creates the verifier of the `auth` option. Nothing is loaded or fetched until a request
 * presents a token.
 */
export function createTokenVerifier(
  auth: AuthOptions,
  seams: TokenVerifierSeams = {},
): TokenVerifier {
  let verifiers: Verifiers | undefined;

  async function verifyToken(
    request: LambdaHttpRequest,
    kind: 'alb' | 'jwt',
    token: string,
  ): Promise<void> {
    verifiers ??= loadVerifiers(auth, seams);
    const loaded = verifiers;
    const verify = loaded[kind];
    if (verify === undefined) return;
    let principal: Principal;
    try {
      principal = fromVerifiedToken(
        kind === 'alb' ? 'alb-oidc' : 'verified-jwt',
        await verify(token),
      );
    } catch (error) {
      settlePrincipal(request, undefined, {
        reason: describeRefusal(error),
        keysUnavailable: loaded.isKeyOutage(error),
        cause: error,
      });
      return;
    }
    settlePrincipal(request, principal);
  }

  return {
    async settle(request) {
      if (isPrincipalSettled(request)) return;
      const fromAuthorizer = authorizerPrincipalOf(request);
      if (fromAuthorizer !== undefined) return settlePrincipal(request, fromAuthorizer);
      const oidcData = request.headers['x-amzn-oidc-data'];
      // Only a load balancer sets this header; from any other source it is client input.
      if (auth.alb !== undefined && oidcData !== undefined && isAlbEvent(request.event)) {
        await verifyToken(request, 'alb', oidcData);
        if (isPrincipalSettled(request)) return;
      }
      const authorization = request.headers['authorization'];
      if (auth.jwt !== undefined && authorization !== undefined) {
        const token = BEARER.exec(authorization)?.[1];
        if (token === undefined) {
          return settlePrincipal(request, undefined, {
            reason: 'The Authorization header is not "Bearer <token>".',
            keysUnavailable: false,
          });
        }
        await verifyToken(request, 'jwt', token);
        return;
      }
      settlePrincipal(request, undefined);
    },
  };
}
