import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEV_AUDIENCE, DEV_ISSUER, devIssuerFile, loadDevIssuer } from './dev-issuer';
import { devToken, parseLifetime } from './dev-token';
import { devTokenVerifier } from './local-authorizer';

describe('parseLifetime', () => {
  it.each([
    ['90', 90],
    ['90s', 90],
    ['15m', 900],
    ['1h', 3600],
    ['7d', 604800],
  ])('reads %j as %d seconds', (text, seconds) => {
    expect(parseLifetime(text)).toBe(seconds);
  });

  it.each(['', '0', '-1h', '1.5h', '1w', 'h', '1h30m'])('refuses %j', (text) => {
    expect(parseLifetime(text)).toBeUndefined();
  });
});

describe('the development issuer', () => {
  let project: string;

  beforeEach(() => {
    project = mkdtempSync(join(tmpdir(), 'dev-issuer-'));
  });

  afterEach(() => {
    rmSync(project, { recursive: true, force: true });
  });

  it('is generated once under .local/, readable by its owner only, and then kept', () => {
    // Act
    const first = loadDevIssuer(project);
    const second = loadDevIssuer(project);

    // Assess
    expect(second).toEqual(first);
    expect(statSync(devIssuerFile(project)).mode & 0o777).toBe(0o600);
    expect(devIssuerFile(project)).toBe(join(project, '.local', 'dev-issuer.json'));
  });

  it('signs tokens its verifier accepts, with the scopes, subject and lifetime asked for', async () => {
    // Prepare
    const keys = loadDevIssuer(project);
    const now = new Date('2030-01-01T00:00:00Z');
    // Act
    const token = devToken(keys, {
      scopes: ['users/write', 'users/read'],
      subject: 'dev-1',
      expiresInSeconds: 3600,
      now,
    });
    const verification = await devTokenVerifier(keys.publicJwk)(`Bearer ${token}`);

    // Assess
    expect(verification).toEqual({
      verified: true,
      payload: expect.objectContaining({
        iss: DEV_ISSUER,
        aud: DEV_AUDIENCE,
        sub: 'dev-1',
        scope: 'users/write users/read',
        iat: 1893456000,
        exp: 1893459600,
      }),
    });
  });

  it('leaves the scope claim out when no scope is asked for', () => {
    // Act
    const token = devToken(loadDevIssuer(project), {
      scopes: [],
      subject: 'dev-1',
      expiresInSeconds: 60,
    });
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString());

    // Assess
    expect(payload).not.toHaveProperty('scope');
  });
});
