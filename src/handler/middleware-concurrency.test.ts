import { Authorized } from '../decorators/authorized';
import { Param, Principal, Req, State } from '../decorators/params';
import { Get } from '../decorators/route';
import type { LambdaHttpRequest } from '../http/request';
import type { Principal as PrincipalRecord } from '../identity/principal';
import type { Middleware } from '../middleware/middleware';
import { createStateKey } from '../middleware/state';
import { captureLogger } from '../test/support/handler-harness';
import { httpApiEvent } from '../test/support/http-api-event';
import { lambdaContext } from '../test/support/lambda-context';
import { AUDIENCE, bearerToken, ISSUER, issuerKey } from '../test/support/tokens';
import { createHandler } from './create-handler';

const Caller = createStateKey<string>('caller');
const INVOCATIONS = 200;

/** Lets the other invocations run in between, a different number of turns for each caller. */
async function interleave(turns: number): Promise<void> {
  for (let turn = 0; turn < turns; turn += 1) await new Promise(setImmediate);
}

const remember: Middleware = async (ctx, next) => {
  const caller = ctx.request.headers['x-caller'] ?? 'nobody';
  ctx.state.set(Caller, caller);
  await interleave(Number(caller) % 7);
  const response = await next();
  await interleave(Number(caller) % 5);
  return response.withHeaders({
    'x-caller': ctx.state.get(Caller) ?? 'lost',
    'x-principal': String(ctx.principal),
  });
};

class Api {
  @Get('/callers/{id}')
  async get(
    @Param('id') id: string,
    @State(Caller) caller: string,
    @Req() request: LambdaHttpRequest,
  ) {
    await interleave(Number(id) % 3);
    return { id, caller, requestId: request.context.awsRequestId };
  }
}

class Orders {
  @Get('/orders/{id}')
  @Authorized({ scopes: ['orders:read'] })
  async get(@Param('id') id: string, @Principal() principal: PrincipalRecord) {
    await interleave(Number(id) % 3);
    return { id, subject: principal.subject, scopes: principal.scopes };
  }
}

describe('middleware under concurrent invocations', () => {
  it('C110: keeps state, principal and request id apart for 200 invocations at once', async () => {
    const logger = captureLogger();
    const handler = createHandler(Api, { logger, accessLog: true, middleware: [remember] });
    const ids = Array.from({ length: INVOCATIONS }, (_, index) => String(index));

    const results = (await Promise.all(
      ids.map((id) =>
        handler(
          httpApiEvent('GET', `/callers/${id}`, { headers: { 'x-caller': id } }),
          lambdaContext({ awsRequestId: `request-${id}` }),
        ),
      ),
    )) as Array<{ statusCode: number; headers: Record<string, string>; body: string }>;

    results.forEach((result, index) => {
      const id = String(index);
      expect(result.statusCode).toBe(200);
      expect(result.headers['x-caller']).toBe(id);
      expect(result.headers['x-principal']).toBe('undefined');
      expect(JSON.parse(result.body)).toEqual({ id, caller: id, requestId: `request-${id}` });
    });
    const lines = logger.records.map(({ record }) => record);
    expect(lines).toHaveLength(INVOCATIONS);
    for (const line of lines) {
      expect(line['path']).toBe(`/callers/${String(line['requestId']).replace('request-', '')}`);
    }
  });

  it('C110: keeps verified principals apart for 200 invocations at once, the refused ones included', async () => {
    // Arrange: every third caller lacks the scope, every fifth sends a token of another issuer.
    const key = issuerKey();
    const logger = captureLogger();
    const handler = createHandler(Orders, {
      logger,
      accessLog: true,
      middleware: [remember],
      auth: { jwt: { issuer: ISSUER, audience: AUDIENCE, keys: { keys: [key.jwk] } } },
    });
    const expected = (index: number): number =>
      index % 5 === 0 ? 401 : index % 3 === 0 ? 403 : 200;
    const token = (index: number): string =>
      bearerToken(key, {
        sub: `caller-${index}`,
        scope: index % 3 === 0 ? 'orders:list' : 'orders:read',
        ...(index % 5 === 0 ? { iss: 'https://other.example.com' } : {}),
      });

    // Act
    const results = (await Promise.all(
      Array.from({ length: INVOCATIONS }, (_, index) =>
        handler(
          httpApiEvent('GET', `/orders/${index}`, {
            headers: { 'x-caller': String(index), authorization: `Bearer ${token(index)}` },
          }),
          lambdaContext({ awsRequestId: `request-${index}` }),
        ),
      ),
    )) as Array<{ statusCode: number; headers: Record<string, string>; body: string }>;

    // Assess
    results.forEach((result, index) => {
      expect(result.statusCode).toBe(expected(index));
      const body = JSON.parse(result.body) as Record<string, unknown>;
      if (expected(index) === 200) {
        // The middleware's header: a refused request never got past `next()` to set one.
        expect(result.headers['x-caller']).toBe(String(index));
        expect(body).toEqual({
          id: String(index),
          subject: `caller-${index}`,
          scopes: ['orders:read'],
        });
      } else {
        expect(body['requestId']).toBe(`request-${index}`);
      }
    });
    const lines = logger.records.map(({ record }) => record);
    expect(lines).toHaveLength(INVOCATIONS);
    for (const line of lines) {
      const index = Number(String(line['requestId']).replace('request-', ''));
      expect(line).toMatchObject({ path: `/orders/${index}`, status: expected(index) });
    }
  });
});
