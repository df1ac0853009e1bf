import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Authorized } from '../decorators/authorized';
import { Principal } from '../decorators/params';
import { Get } from '../decorators/route';
import { HandlerOptionsError } from '../errors/config-errors';
import type { Principal as PrincipalRecord } from '../identity/principal';
import { captureLogger } from '../test/support/handler-harness';
import { httpApiEvent } from '../test/support/http-api-event';
import { lambdaContext } from '../test/support/lambda-context';
import {
  ALB_ARN,
  AUDIENCE,
  albKey,
  albToken,
  bearerToken,
  ISSUER,
  issuerKey,
} from '../test/support/tokens';
import { createHandler, type LambdaHandler } from './create-handler';
import type { HandlerOptions } from './options';

class Account {
  @Get('/account') @Authorized({ scopes: ['account:read'] }) read(
    @Principal() principal: PrincipalRecord,
  ) {
    return { source: principal.source, subject: principal.subject };
  }
  @Get('/whoami') whoami(@Principal() principal?: PrincipalRecord) {
    return { subject: principal?.subject ?? null };
  }
  @Get('/status') status() {
    return { ok: true };
  }
}

const ALB_SAMPLE = JSON.parse(
  readFileSync(join(__dirname, '../test/fixtures/events/alb/aws-sample.json'), 'utf8'),
) as Record<string, unknown>;

/** The AWS sample ALB event, for `path`, with these headers added. */
function albEvent(path: string, headers: Record<string, string>): Record<string, unknown> {
  return {
    ...ALB_SAMPLE,
    path,
    body: '',
    headers: { ...(ALB_SAMPLE['headers'] as Record<string, string>), ...headers },
  };
}

interface Result {
  readonly statusCode: number;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

async function invoke(
  handler: LambdaHandler,
  event: unknown,
): Promise<Result & { json: Record<string, unknown> }> {
  const result = (await handler(event, lambdaContext())) as Result;
  return {
    ...result,
    json: result.body ? (JSON.parse(result.body) as Record<string, unknown>) : {},
  };
}

describe('createHandler auth.jwt: bearer tokens verified in the function', () => {
  const key = issuerKey();
  const logger = captureLogger();
  const handler = createHandler(Account, {
    logger,
    accessLog: false,
    auth: { jwt: { issuer: ISSUER, audience: AUDIENCE, keys: { keys: [key.jwk] } } },
  });
  const withToken = (path: string, token: string) =>
    httpApiEvent('GET', path, { headers: { authorization: `Bearer ${token}` } });

  it('admits a valid token with the scope, as a verified-jwt principal', async () => {
    // Act
    const answer = await invoke(
      handler,
      withToken('/account', bearerToken(key, { sub: 'ada', scope: 'account:read' })),
    );

    // Assess
    expect(answer).toMatchObject({
      statusCode: 200,
      json: { source: 'verified-jwt', subject: 'ada' },
    });
  });

  it('answers 401 with an RFC 6750 invalid_token challenge for a token that does not verify', async () => {
    // Act
    const answer = await invoke(
      handler,
      withToken('/account', bearerToken(issuerKey(key.kid), { sub: 'eve' })),
    );

    // Assess
    expect(answer.statusCode).toBe(401);
    expect(answer.headers?.['www-authenticate']).toMatch(
      /^Bearer error="invalid_token", error_description="[^"\\]+"$/,
    );
    expect(answer.json['detail']).toMatch(/^The token was refused: .*signature/i);
  });

  it('gives a route that binds @Principal() the verified principal without @Authorized', async () => {
    // Act
    const answer = await invoke(handler, withToken('/whoami', bearerToken(key, { sub: 'grace' })));

    // Assess
    expect(answer.json).toEqual({ subject: 'grace' });
  });

  it('answers 503 when the keys of the issuer cannot be fetched, and logs why', async () => {
    // Arrange: nothing listens on port 9 of this machine.
    const outage = captureLogger();
    const unreachable = createHandler(Account, {
      logger: outage,
      accessLog: false,
      auth: {
        jwt: { issuer: ISSUER, audience: AUDIENCE, jwksUri: 'https://127.0.0.1:9/jwks.json' },
      },
    });

    // Act
    const answer = await invoke(
      unreachable,
      withToken('/account', bearerToken(key, { sub: 'ada' })),
    );

    // Assess
    expect(answer).toMatchObject({
      statusCode: 503,
      json: { detail: 'The token could not be checked: its keys are unavailable.' },
    });
    expect(outage.records.map(({ record }) => record['message'])).toContain('request failed');
  });
});

describe('createHandler auth.alb: the load balancer OIDC token', () => {
  const key = albKey();
  const publicKey = jest.fn(async (_kid: string) => key.publicKeyPem);
  const handler = createHandler(Account, {
    logger: captureLogger(),
    accessLog: false,
    auth: { alb: { loadBalancerArn: ALB_ARN, clientId: 'web-client', publicKey } },
  });

  beforeEach(() => publicKey.mockClear());

  it('C103: admits the user the load balancer signed for', async () => {
    // Act
    const answer = await invoke(
      handler,
      albEvent('/whoami', { 'x-amzn-oidc-data': albToken(key, { sub: 'ada@idp' }) }),
    );

    // Assess
    expect(answer).toMatchObject({ statusCode: 200, json: { subject: 'ada@idp' } });
  });

  it('C103: answers 401 for a token another load balancer signed', async () => {
    // Act
    const answer = await invoke(
      handler,
      albEvent('/account', {
        'x-amzn-oidc-data': albToken(
          key,
          { sub: 'ada@idp' },
          { signer: ALB_ARN.replace('web', 'other') },
        ),
      }),
    );

    // Assess
    expect(answer.statusCode).toBe(401);
    expect(answer.headers?.['www-authenticate']).toMatch(/^Bearer error="invalid_token"/);
  });

  it('C105: verifies nothing for a route that does not ask for the principal', async () => {
    // Act
    const answer = await invoke(
      handler,
      albEvent('/status', { 'x-amzn-oidc-data': albToken(key, { sub: 'ada@idp' }) }),
    );

    // Assess
    expect(answer.statusCode).toBe(200);
    expect(publicKey).not.toHaveBeenCalled();
  });
});

describe('createHandler auth options', () => {
  const keys = { keys: [issuerKey().jwk] };
  it.each<[string, unknown, RegExp]>([
    ['an unknown key', { oidc: {} }, /auth\.has unknown keys \["oidc"\]/],
    [
      'a network load balancer',
      { alb: { loadBalancerArn: ALB_ARN.replace('/app/', '/net/') } },
      /Application Load Balancer's ARN/,
    ],
    [
      'a plain-HTTP key set',
      { jwt: { issuer: ISSUER, audience: AUDIENCE, jwksUri: 'http://keys.example.com/jwks' } },
      /https: URL/,
    ],
    [
      'both a key set address and keys',
      { jwt: { issuer: ISSUER, audience: AUDIENCE, jwksUri: 'https://k.example.com', keys } },
      /exactly one of jwksUri and keys/,
    ],
    [
      'no audience',
      { jwt: { issuer: ISSUER, keys } },
      /audience must be a string, a list of strings, or null/,
    ],
    [
      'keys that are no key set',
      { jwt: { issuer: ISSUER, audience: null, keys: [keys] } },
      /JSON Web Key Set/,
    ],
    [
      'a public key that is no function',
      { alb: { loadBalancerArn: ALB_ARN, publicKey: 'pem' } },
      /publicKey must be a function/,
    ],
  ])('refuses %s at cold start', (_label, auth, message) => {
    expect(() => createHandler(Account, { auth } as unknown as HandlerOptions)).toThrow(
      HandlerOptionsError,
    );
    expect(() => createHandler(Account, { auth } as unknown as HandlerOptions)).toThrow(message);
  });
});
