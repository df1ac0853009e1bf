import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEV_AUDIENCE, DEV_ISSUER, generateDevIssuerKeys } from './dev-issuer';
import {
  authorizerDecision,
  bearerToken,
  devTokenVerifier,
  readRouteManifest,
  type Verification,
} from './local-authorizer';
import { signToken } from './sign-token';

const verified = (payload: Record<string, unknown>) => async (): Promise<Verification> => ({
  verified: true,
  payload,
});
const refused = async (): Promise<Verification> => ({ verified: false, reason: 'expired' });
const mustNotVerify = async (): Promise<Verification> => {
  throw new Error('an unprotected route verified a token');
};

const write = { authorizationType: 'JWT', scopes: ['users/write', 'users/admin'] } as const;

describe('authorizerDecision', () => {
  it.each([
    ['a route the manifest does not list', undefined],
    ['a NONE route', { authorizationType: 'NONE', scopes: [] } as const],
  ])('lets %s pass untouched, without looking at the token', async (_name, route) => {
    expect(await authorizerDecision(route, mustNotVerify)).toEqual({ kind: 'pass' });
  });

  it('answers 401 for a token that does not verify', async () => {
    expect(await authorizerDecision(write, refused)).toEqual({
      kind: 'deny',
      status: 401,
      reason: 'expired',
    });
  });

  it.each([
    ['another scope', 'users/read'],
    ['no scope claim', undefined],
  ])('answers 403 for a token with %s', async (_name, scope) => {
    // Act
    const decision = await authorizerDecision(write, verified({ sub: 'u-1', scope }));

    // Assess
    expect(decision).toMatchObject({ kind: 'deny', status: 403 });
  });

  it('admits a token holding any one of the route scopes, with its claims as strings', async () => {
    // Act
    const decision = await authorizerDecision(
      write,
      verified({ sub: 'u-1', exp: 1767225600, scope: 'users/read users/admin' }),
    );

    // Assess
    expect(decision).toEqual({
      kind: 'allow',
      jwt: {
        claims: { sub: 'u-1', exp: '1767225600', scope: 'users/read users/admin' },
        scopes: ['users/read', 'users/admin'],
      },
    });
  });

  it('admits any valid token on a JWT route without scopes', async () => {
    // Act
    const decision = await authorizerDecision(
      { authorizationType: 'JWT', scopes: [] },
      verified({ sub: 'u-1' }),
    );

    // Assess
    expect(decision).toEqual({ kind: 'allow', jwt: { claims: { sub: 'u-1' }, scopes: null } });
  });
});

describe('bearerToken', () => {
  it.each([
    ['Bearer a.b.c', 'a.b.c'],
    ['bearer  a-1.b_2.c', 'a-1.b_2.c'],
    ['a.b.c', 'a.b.c'],
    ['Basic dXNlcjpwYXNz', undefined],
    ['Bearer a.b', undefined],
    ['Bearer ', undefined],
    [undefined, undefined],
  ])('reads %j as %j', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });
});

describe('devTokenVerifier', () => {
  const issuer = generateDevIssuerKeys();
  const verify = devTokenVerifier(issuer.publicJwk);
  const now = Math.floor(Date.now() / 1000);
  const claims = { iss: DEV_ISSUER, aud: DEV_AUDIENCE, sub: 'u-1', iat: now, exp: now + 600 };

  it('verifies a token of the development issuer and returns its payload', async () => {
    // Act
    const verification = await verify(`Bearer ${signToken(issuer, claims)}`);

    // Assess
    expect(verification).toEqual({ verified: true, payload: claims });
  });

  it.each([
    ['no header', () => undefined],
    ['a malformed token', () => 'Bearer not-a-token'],
    ['an expired token', () => `Bearer ${signToken(issuer, { ...claims, exp: now - 60 })}`],
    [
      'a token of another issuer',
      () => `Bearer ${signToken(issuer, { ...claims, iss: 'http://localhost/elsewhere' })}`,
    ],
    [
      'a token for another audience',
      () => `Bearer ${signToken(issuer, { ...claims, aud: 'another-client' })}`,
    ],
    [
      'a token signed with another key under the same issuer',
      () => `Bearer ${signToken(generateDevIssuerKeys(), claims)}`,
    ],
    [
      'a token whose signature was made for another payload',
      () => {
        const [header, , signature] = signToken(issuer, claims).split('.');
        const forged = Buffer.from(JSON.stringify({ ...claims, sub: 'admin' })).toString(
          'base64url',
        );
        return `Bearer ${header}.${forged}.${signature}`;
      },
    ],
  ])('refuses %s', async (_name, header) => {
    // Act
    const verification = await verify(header());

    // Assess
    expect(verification).toEqual({ verified: false, reason: expect.any(String) });
  });
});

describe('readRouteManifest', () => {
  let functionDir: string;

  beforeEach(() => {
    functionDir = mkdtempSync(join(tmpdir(), 'route-manifest-'));
  });

  afterEach(() => {
    rmSync(functionDir, { recursive: true, force: true });
  });

  it('is undefined for a function built without routes.json, which is served as before', () => {
    expect(readRouteManifest(functionDir)).toBeUndefined();
  });

  it('reads what each route key requires from the build manifest', () => {
    // Prepare
    const routes = [
      { routeKey: 'GET /users', authorizationType: 'NONE', scopes: [], groups: [], match: 'all' },
      {
        routeKey: 'PATCH /users/{id}',
        authorizationType: 'JWT',
        scopes: ['users/write'],
        groups: [],
        match: 'all',
      },
    ];
    writeFileSync(join(functionDir, 'routes.json'), JSON.stringify({ function: 'f', routes }));

    // Act
    const manifest = readRouteManifest(functionDir);

    // Assess
    expect(manifest && Object.fromEntries(manifest)).toEqual({
      'GET /users': { authorizationType: 'NONE', scopes: [] },
      'PATCH /users/{id}': { authorizationType: 'JWT', scopes: ['users/write'] },
    });
  });
});
