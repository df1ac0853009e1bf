import { FetchError } from 'aws-jwt-verify/error';
import type { Fetcher } from 'aws-jwt-verify/https';
import type { LambdaHttpRequest } from '../http/request';
import { lambdaContext } from '../test/support/lambda-context';
import {
  ALB_ARN,
  AUDIENCE,
  albKey,
  albToken,
  bearerToken,
  epochIn,
  ISSUER,
  issuerKey,
} from '../test/support/tokens';
import type { AuthOptions } from './auth-options';
import { principalOf, refusalOf } from './principal';
import { createTokenVerifier, type TokenVerifierSeams } from './token-verifier';

const ALB_EVENT_CONTEXT = {
  elb: {
    targetGroupArn:
      'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/6d0ecf831eec9f09',
  },
};
const FUNCTION_URL_CONTEXT = { domainName: 'abc.lambda-url.eu-west-1.on.aws', http: {} };

/** A request as an event source reads it; the event is a fresh object, as per invocation. */
function request(
  headers: Record<string, string>,
  requestContext: Record<string, unknown> = FUNCTION_URL_CONTEXT,
): LambdaHttpRequest {
  return {
    method: 'GET',
    path: '/me',
    headers,
    query: {},
    cookies: {},
    body: undefined,
    sourceIp: undefined,
    sourceRequestId: undefined,
    event: { requestContext, headers },
    context: lambdaContext(),
  };
}

async function settled(
  auth: AuthOptions,
  req: LambdaHttpRequest,
  seams?: TokenVerifierSeams,
): Promise<LambdaHttpRequest> {
  await createTokenVerifier(auth, seams).settle(req);
  return req;
}

describe('the load balancer OIDC token', () => {
  const key = albKey();
  const albOptions = { loadBalancerArn: ALB_ARN, publicKey: async () => key.publicKeyPem };
  const auth: AuthOptions = { alb: albOptions };
  const claims = { sub: 'user-7', email: 'ada@example.com', groups: ['admins'] };

  it('C103: gives an alb-oidc principal once the padded token, its signer and exp check out', async () => {
    // Arrange
    const token = albToken(key, claims);
    const req = request(
      { 'x-amzn-oidc-data': token, 'x-amzn-oidc-identity': 'user-7' },
      ALB_EVENT_CONTEXT,
    );

    // Act
    await settled(auth, req);

    // Assess
    expect(token.split('.').some((part) => part.endsWith('='))).toBe(true);
    expect(principalOf(req)).toMatchObject({
      source: 'alb-oidc',
      subject: 'user-7',
      claims: { email: 'ada@example.com' },
      groups: ['admins'],
      scopes: [],
    });
    expect(refusalOf(req)).toBeUndefined();
  });

  it.each([
    ['another load balancer signed it', () => albToken(key, claims, { signer: `${ALB_ARN}0` })],
    [
      'it has expired',
      () => albToken(key, { ...claims, exp: epochIn(-120) }, { exp: epochIn(-120) }),
    ],
    ['another key signed it', () => albToken({ ...albKey(), kid: key.kid }, claims)],
    [
      'its claims were changed after signing',
      () => {
        const [header, , signature] = albToken(key, claims).split('.');
        const forged = Buffer.from(JSON.stringify({ ...claims, sub: 'admin' })).toString(
          'base64url',
        );
        return `${header}.${forged}.${signature}`;
      },
    ],
  ])('C103: gives no principal, and says why, when %s', async (_label, token) => {
    // Arrange
    const req = request({ 'x-amzn-oidc-data': token() }, ALB_EVENT_CONTEXT);

    // Act
    await settled(auth, req);

    // Assess
    expect(principalOf(req)).toBeUndefined();
    expect(refusalOf(req)).toMatchObject({ keysUnavailable: false, reason: expect.any(String) });
  });

  it('C103: checks the OIDC client id when one is configured', async () => {
    // Arrange
    const req = request({ 'x-amzn-oidc-data': albToken(key, claims) }, ALB_EVENT_CONTEXT);
    const strict: AuthOptions = { alb: { ...albOptions, clientId: 'another-client' } };

    // Act
    await settled(strict, req);

    // Assess
    expect(principalOf(req)).toBeUndefined();
    expect(refusalOf(req)?.reason).toMatch(/client/i);
  });

  it('C103: ignores x-amzn-oidc-data on an event that no load balancer sent', async () => {
    // Arrange: a function URL passes the client's headers through.
    const req = request({ 'x-amzn-oidc-data': albToken(key, claims) }, FUNCTION_URL_CONTEXT);

    // Act
    await settled(auth, req);

    // Assess
    expect(principalOf(req)).toBeUndefined();
    expect(refusalOf(req)).toBeUndefined();
  });

  it('C103: never trusts the header without auth.alb configured', () => {
    // Arrange
    const req = request({ 'x-amzn-oidc-data': albToken(key, claims) }, ALB_EVENT_CONTEXT);

    // Act, Assess
    expect(principalOf(req)).toBeUndefined();
  });

  it('C103: asks for the public key of a kid once per container', async () => {
    // Arrange
    const publicKey = jest.fn(async (_kid: string) => key.publicKeyPem);
    const verifier = createTokenVerifier({ alb: { loadBalancerArn: ALB_ARN, publicKey } });
    const requests = [1, 2, 3].map(() =>
      request({ 'x-amzn-oidc-data': albToken(key, claims) }, ALB_EVENT_CONTEXT),
    );

    // Act
    for (const req of requests) await verifier.settle(req);

    // Assess
    expect(requests.map((req) => principalOf(req)?.subject)).toEqual([
      'user-7',
      'user-7',
      'user-7',
    ]);
    expect(publicKey.mock.calls).toEqual([[key.kid]]);
  });
});

describe('bearer tokens verified in the function', () => {
  const key = issuerKey();
  const auth: AuthOptions = {
    jwt: { issuer: ISSUER, audience: AUDIENCE, keys: { keys: [key.jwk] } },
  };
  const bearer = (claims: Record<string, unknown>, signer = key) => ({
    authorization: `Bearer ${bearerToken(signer, claims)}`,
  });

  it('gives a verified-jwt principal with the scopes of `scope` and the Cognito groups', async () => {
    // Arrange
    const req = request(
      bearer({ sub: 'svc-1', scope: 'orders:read orders:write', 'cognito:groups': ['ops'] }),
    );

    // Act
    await settled(auth, req);

    // Assess
    expect(principalOf(req)).toMatchObject({
      source: 'verified-jwt',
      subject: 'svc-1',
      scopes: ['orders:read', 'orders:write'],
      groups: ['ops'],
    });
  });

  it('reads scopes from an `scp` list and groups from `groups` when those are what the issuer sends', async () => {
    // Arrange
    const req = request(bearer({ sub: 'svc-2', scp: ['a', 'b'], groups: ['g'] }));

    // Act
    await settled(auth, req);

    // Assess
    expect(principalOf(req)).toMatchObject({ scopes: ['a', 'b'], groups: ['g'] });
  });

  it.each([
    ['expired', () => bearer({ sub: 'x', exp: epochIn(-60) }), /expired/i],
    ['not yet valid', () => bearer({ sub: 'x', nbf: epochIn(600) }), /can't be used before/i],
    ['for another audience', () => bearer({ sub: 'x', aud: 'billing' }), /audience|aud/i],
    ['from another issuer', () => bearer({ sub: 'x', iss: 'https://evil.example' }), /issuer|iss/i],
    ['signed by an unknown key', () => bearer({ sub: 'x' }, issuerKey()), /key/i],
    [
      'signed by another key under a known kid',
      () => bearer({ sub: 'x' }, { ...issuerKey(key.kid) }),
      /signature/i,
    ],
    ['not a bearer token', () => ({ authorization: 'Basic YWRhOmxvdmVsYWNl' }), /Bearer <token>/],
    ['not a JWT', () => ({ authorization: 'Bearer abc' }), /.+/],
  ])('refuses a token %s, and says why', async (_label, headers, reason) => {
    // Arrange
    const req = request(headers());

    // Act
    await settled(auth, req);

    // Assess
    expect(principalOf(req)).toBeUndefined();
    expect(refusalOf(req)).toMatchObject({
      keysUnavailable: false,
      reason: expect.stringMatching(reason),
    });
  });

  it('keeps the principal an authorizer gave, whatever bearer token comes along', async () => {
    // Arrange
    const req = request(bearer({ sub: 'svc-1' }), {
      ...FUNCTION_URL_CONTEXT,
      authorizer: {
        iam: { userArn: 'arn:aws:iam::123456789012:user/ada', accountId: '123456789012' },
      },
    });

    // Act
    await settled(auth, req);

    // Assess
    expect(principalOf(req)?.source).toBe('iam');
  });

  it('fetches the JWKS once per container and again for a kid it does not know', async () => {
    // Arrange
    const rotated = issuerKey();
    let published = [key.jwk];
    const fetch = jest.fn(
      async (_uri: string) => new TextEncoder().encode(JSON.stringify({ keys: published })).buffer,
    );
    const fetcher: Fetcher = { fetch };
    const verifier = createTokenVerifier(
      { jwt: { issuer: ISSUER, audience: AUDIENCE, jwksUri: `${ISSUER}/.well-known/jwks.json` } },
      { fetcher },
    );
    const before = [1, 2, 3].map(() => request(bearer({ sub: 'old' })));

    // Act
    for (const req of before) await verifier.settle(req);
    published = [key.jwk, rotated.jwk];
    const after = request(bearer({ sub: 'new' }, rotated));
    await verifier.settle(after);

    // Assess
    expect(before.map((req) => principalOf(req)?.subject)).toEqual(['old', 'old', 'old']);
    expect(principalOf(after)?.subject).toBe('new');
    expect(fetch.mock.calls).toEqual([
      [`${ISSUER}/.well-known/jwks.json`],
      [`${ISSUER}/.well-known/jwks.json`],
    ]);
  });

  it('says the keys were unavailable when the JWKS cannot be fetched', async () => {
    // Arrange
    const fetcher: Fetcher = {
      fetch: () => Promise.reject(new FetchError(`${ISSUER}/jwks`, 'connect ECONNREFUSED')),
    };
    const req = request(bearer({ sub: 'svc-1' }));

    // Act
    await settled({ jwt: { issuer: ISSUER, audience: AUDIENCE, jwksUri: `${ISSUER}/jwks` } }, req, {
      fetcher,
    });

    // Assess
    expect(principalOf(req)).toBeUndefined();
    expect(refusalOf(req)).toMatchObject({ keysUnavailable: true, cause: expect.any(FetchError) });
  });
});
