import { setImmediate as nextTurn } from 'node:timers/promises';
import { Claims, Principal } from '../decorators/params';
import { Get } from '../decorators/route';
import type { Principal as PrincipalRecord } from '../identity/principal';
import { captureLogger } from '../test/support/handler-harness';
import { httpApiEvent } from '../test/support/http-api-event';
import { lambdaContext } from '../test/support/lambda-context';
import { createHandler } from './create-handler';

class Profile {
  @Get('/me') me(@Principal() principal?: PrincipalRecord) {
    return { principal: principal ?? null };
  }
  @Get('/me/email') email(@Claims('email') email?: string) {
    return { email: email ?? null };
  }
  @Get('/me/claims') claims(@Claims() claims?: Record<string, unknown>) {
    return { claims: claims ?? null };
  }
  @Get('/me/both') both(@Principal() principal?: PrincipalRecord, @Claims('sub') sub?: string) {
    return { subject: principal?.subject ?? null, sub: sub ?? null };
  }
  @Get('/health') health() {
    return { ok: true };
  }
  @Get('/slow/me') async slow(@Principal() principal?: PrincipalRecord) {
    // Yields a few turns so that invocations running at once interleave inside the method.
    for (let turn = 0; turn < 3; turn += 1) await nextTurn();
    return { subject: principal?.subject ?? null };
  }
}

const handler = createHandler(Profile, { accessLog: false, logger: captureLogger() });

/** A payload 2.0 event behind a JWT authorizer with these claims, or without authorizer. */
function eventFor(path: string, claims?: Record<string, string>): Record<string, unknown> {
  const event = httpApiEvent('GET', path) as unknown as Record<string, unknown>;
  const requestContext = { ...(event['requestContext'] as Record<string, unknown>) };
  if (claims === undefined) delete requestContext['authorizer'];
  else requestContext['authorizer'] = { jwt: { claims, scopes: ['users/read'] } };
  return { ...event, requestContext };
}

/** Counts the reads of `requestContext.authorizer`, the only field a principal comes from. */
function countingAuthorizerReads(event: Record<string, unknown>): () => number {
  const requestContext = event['requestContext'] as Record<string, unknown>;
  const authorizer = requestContext['authorizer'];
  let reads = 0;
  Object.defineProperty(requestContext, 'authorizer', {
    enumerable: true,
    get: () => {
      reads += 1;
      return authorizer;
    },
  });
  return () => reads;
}

async function jsonOf(event: unknown): Promise<unknown> {
  const result = (await handler(event, lambdaContext())) as { statusCode: number; body?: string };
  expect(result.statusCode).toBe(200);
  return JSON.parse(result.body ?? '');
}

const JANE = { sub: 'jane-1', email: 'jane@example.com', 'cognito:groups': '[admin editors]' };

describe('createHandler with @Principal and @Claims', () => {
  it('binds the principal of a JWT authorizer', async () => {
    expect(await jsonOf(eventFor('/me', JANE))).toEqual({
      principal: {
        source: 'jwt',
        subject: 'jane-1',
        claims: JANE,
        scopes: ['users/read'],
        groups: ['admin', 'editors'],
        context: {},
      },
    });
  });

  it('binds one claim, or all of them', async () => {
    expect(await jsonOf(eventFor('/me/email', JANE))).toEqual({ email: 'jane@example.com' });
    expect(await jsonOf(eventFor('/me/claims', JANE))).toEqual({ claims: JANE });
  });

  it('binds undefined to both without a principal', async () => {
    expect(await jsonOf(eventFor('/me'))).toEqual({ principal: null });
    expect(await jsonOf(eventFor('/me/email'))).toEqual({ email: null });
    expect(await jsonOf(eventFor('/me/claims'))).toEqual({ claims: null });
  });

  it('C104: ignores an Authorization header without authorizer output', async () => {
    const event = eventFor('/me');
    event['headers'] = { authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJtYWxsb3J5In0.' };

    expect(await jsonOf(event)).toEqual({ principal: null });
  });

  it('C105: never reads the authorizer output for a route that does not ask for it', async () => {
    const event = eventFor('/health', JANE);
    const reads = countingAuthorizerReads(event);

    expect(await jsonOf(event)).toEqual({ ok: true });
    expect(reads()).toBe(0);
  });

  it('C105: reads it once for a route with both @Principal and @Claims', async () => {
    const event = eventFor('/me/both', JANE);
    const reads = countingAuthorizerReads(event);

    expect(await jsonOf(event)).toEqual({ subject: 'jane-1', sub: 'jane-1' });
    expect(reads()).toBe(1);
  });

  it('gives 200 invocations at once through one handler each its own principal', async () => {
    // Prepare
    const subjects = Array.from({ length: 200 }, (_, index) => `user-${index}`);

    // Act
    const answers = await Promise.all(
      subjects.map((sub) => jsonOf(eventFor('/slow/me', { sub, email: `${sub}@example.com` }))),
    );

    // Assess
    expect(answers).toEqual(subjects.map((subject) => ({ subject })));
  });
});
