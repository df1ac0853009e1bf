import { Authorized, Public } from '../decorators/authorized';
import { Param } from '../decorators/params';
import { Delete, Get, Post } from '../decorators/route';
import { Use } from '../decorators/use';
import { UseGuards } from '../decorators/use-guards';
import { DecoratorUsageError } from '../errors/config-errors';
import { NotFoundError, UnauthorizedError } from '../errors/http-error';
import type { Guard } from '../middleware/guard';
import type { Middleware } from '../middleware/middleware';
import { captureLogger } from '../test/support/handler-harness';
import { httpApiEvent } from '../test/support/http-api-event';
import { lambdaContext } from '../test/support/lambda-context';
import { createHandler, type LambdaHandler } from './create-handler';

interface Caller {
  readonly sub: string;
  readonly scopes?: readonly string[];
  readonly groups?: readonly string[];
}

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly json: { detail?: string; status?: number } & Record<string, unknown>;
}

/**
 * A payload 2.0 request, behind an HTTP API JWT authorizer when `caller` is given: claims as
 * strings, groups as `"[a b]"`, as API Gateway writes them.
 */
async function call(
  handler: LambdaHandler,
  method: string,
  path: string,
  caller?: Caller,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const event = httpApiEvent(method, path, { headers }) as unknown as Record<string, unknown>;
  if (caller !== undefined) {
    const claims: Record<string, string> = { sub: caller.sub };
    if (caller.groups !== undefined) claims['cognito:groups'] = `[${caller.groups.join(' ')}]`;
    event['requestContext'] = {
      ...(event['requestContext'] as object),
      authorizer: { jwt: { claims, scopes: caller.scopes ?? null } },
    };
  }
  const result = (await handler(event, lambdaContext())) as {
    statusCode: number;
    headers?: Record<string, string>;
    body?: string;
  };
  return {
    status: result.statusCode,
    headers: result.headers ?? {},
    json: result.body ? JSON.parse(result.body) : {},
  };
}

@Authorized({ scopes: ['users:write'] })
class Users {
  @Post('/users') @Public() signUp() {
    return { created: true };
  }
  @Delete('/users/{id}') remove(@Param('id') id: string) {
    return { removed: id };
  }
  @Get('/users/{id}/audit') @Authorized({ groups: ['auditors'] }) audit() {
    return { audit: [] };
  }
}

class Reports {
  @Get('/reports') @Authorized({ scopes: ['reports:read', 'reports:all'], match: 'any' }) list() {
    return [];
  }
  @Get('/reports/secret') @Authorized({ scopes: ['a:x'], groups: ['admins'] }) secret() {
    return { secret: true };
  }
  @Get('/reports/any-caller') @Authorized() anyCaller() {
    return { ok: true };
  }
  @Get('/reports/open') open() {
    return { ok: true };
  }
}

const handler = createHandler([Users, Reports], {
  logger: captureLogger(),
  accessLog: false,
  cors: { origins: ['https://app.example.com'] },
});

describe('@Authorized and @Public', () => {
  it('C104: answers 401 with WWW-Authenticate when no authorizer gave a principal, whatever Authorization says', async () => {
    // Act
    const answer = await call(handler, 'DELETE', '/users/7', undefined, {
      authorization: 'Bearer made.up.token',
    });

    // Assess
    expect(answer.status).toBe(401);
    expect(answer.headers['www-authenticate']).toBe('Bearer');
    expect(answer.headers['content-type']).toBe('application/problem+json');
    expect(answer.json.detail).toBe('This route needs an authenticated caller.');
  });

  it('C104: answers 403 naming the missing scope, with an RFC 6750 insufficient_scope challenge', async () => {
    // Act
    const answer = await call(handler, 'DELETE', '/users/7', { sub: 'u1', scopes: ['users:read'] });

    // Assess
    expect(answer.status).toBe(403);
    expect(answer.json.detail).toBe('The caller lacks scope users:write.');
    expect(answer.headers['www-authenticate']).toBe(
      'Bearer error="insufficient_scope", scope="users:write"',
    );
  });

  it('admits a principal with the scope a class-level @Authorized requires', async () => {
    // Act
    const answer = await call(handler, 'DELETE', '/users/7', {
      sub: 'u1',
      scopes: ['users:write'],
    });

    // Assess
    expect(answer).toMatchObject({ status: 200, json: { removed: '7' } });
  });

  it('lets @Public open one route of a class under @Authorized', async () => {
    // Act
    const answer = await call(handler, 'POST', '/users');

    // Assess
    expect(answer).toMatchObject({ status: 200, json: { created: true } });
  });

  it("replaces the class's requirement by a method's own @Authorized", async () => {
    // Act
    const auditor = await call(handler, 'GET', '/users/7/audit', {
      sub: 'a',
      groups: ['auditors'],
    });
    const writer = await call(handler, 'GET', '/users/7/audit', {
      sub: 'w',
      scopes: ['users:write'],
    });

    // Assess
    expect(auditor.status).toBe(200);
    expect(writer).toMatchObject({
      status: 403,
      json: { detail: 'The caller lacks group auditors.' },
    });
    expect(writer.headers['www-authenticate']).toBeUndefined();
  });

  it("admits with match: 'any' a principal holding one of the scopes, and names them all otherwise", async () => {
    // Act
    const one = await call(handler, 'GET', '/reports', { sub: 'r', scopes: ['reports:all'] });
    const none = await call(handler, 'GET', '/reports', { sub: 'r', scopes: ['other'] });

    // Assess
    expect(one.status).toBe(200);
    expect(none).toMatchObject({
      status: 403,
      json: { detail: 'The caller has none of: scopes reports:read, reports:all.' },
    });
  });

  it('names every missing scope and group under match: all', async () => {
    // Act
    const answer = await call(handler, 'GET', '/reports/secret', { sub: 'r', groups: ['staff'] });

    // Assess
    expect(answer).toMatchObject({
      status: 403,
      json: { detail: 'The caller lacks scope a:x and group admins.' },
    });
  });

  it('admits any principal under @Authorized() without options', async () => {
    // Act
    const someone = await call(handler, 'GET', '/reports/any-caller', { sub: 'anyone' });
    const nobody = await call(handler, 'GET', '/reports/any-caller');

    // Assess
    expect([someone.status, nobody.status]).toEqual([200, 401]);
  });

  it('C108: puts the CORS headers on a 401', async () => {
    // Act
    const answer = await call(handler, 'DELETE', '/users/7', undefined, {
      origin: 'https://app.example.com',
    });

    // Assess
    expect(answer.status).toBe(401);
    expect(answer.headers['access-control-allow-origin']).toBe('https://app.example.com');
  });

  it('applies a base class @Authorized to the routes of its subclasses', async () => {
    // Arrange
    @Authorized({ groups: ['admins'] })
    class Admin {}
    class Settings extends Admin {
      @Get('/settings') read() {
        return {};
      }
    }
    const settings = createHandler(Settings, { logger: captureLogger(), accessLog: false });

    // Act
    const answer = await call(settings, 'GET', '/settings', { sub: 'u' });

    // Assess
    expect(answer.status).toBe(403);
  });
});

describe('@UseGuards', () => {
  const trace: string[] = [];
  const allow =
    (name: string): Guard =>
    () => {
      trace.push(name);
      return true;
    };
  const deny: Guard = () => {
    trace.push('deny');
    return false;
  };
  const hide: Guard = async () => {
    throw new NotFoundError('No such project.');
  };
  const sloppy = (() => undefined) as unknown as Guard;
  const outer: Middleware = async (_ctx, next) => {
    trace.push('middleware in');
    try {
      return await next();
    } finally {
      trace.push('middleware out');
    }
  };

  @UseGuards(allow('class 1'), allow('class 2'))
  @Use(outer)
  class Projects {
    @Get('/projects') @UseGuards(allow('method guard')) list() {
      trace.push('method');
      return [];
    }
    @Get('/projects/locked') @UseGuards(deny) locked() {
      trace.push('method');
      return [];
    }
    @Get('/projects/hidden') @UseGuards(hide) hidden() {
      return [];
    }
    @Get('/projects/sloppy') @UseGuards(sloppy) sloppy() {
      return [];
    }
    @Get('/projects/mine')
    @Authorized()
    @UseGuards((ctx) => ctx.principal?.subject === 'owner')
    mine() {
      return ['mine'];
    }
  }
  const guarded = createHandler(Projects, { logger: captureLogger(), accessLog: false });

  beforeEach(() => {
    trace.length = 0;
  });

  it('C106: runs class guards, then method guards, inside the middleware, right before the method', async () => {
    // Act
    const answer = await call(guarded, 'GET', '/projects');

    // Assess
    expect(answer.status).toBe(200);
    expect(trace).toEqual([
      'middleware in',
      'class 1',
      'class 2',
      'method guard',
      'method',
      'middleware out',
    ]);
  });

  it('C107: hands a guard error and a 401 to an outer middleware as the thrown values', async () => {
    // Arrange
    const seen: unknown[] = [];
    const catcher: Middleware = async (_ctx, next) => {
      try {
        return await next();
      } catch (error) {
        seen.push(error);
        throw error;
      }
    };
    const caught = createHandler(Projects, {
      logger: captureLogger(),
      accessLog: false,
      middleware: [catcher],
    });

    // Act
    const hidden = await call(caught, 'GET', '/projects/hidden');
    const anonymous = await call(caught, 'GET', '/projects/mine');

    // Assess
    expect([hidden.status, anonymous.status]).toEqual([404, 401]);
    expect(seen).toEqual([expect.any(NotFoundError), expect.any(UnauthorizedError)]);
  });

  it('answers 403 when a guard says false, without calling the method', async () => {
    // Act
    const answer = await call(guarded, 'GET', '/projects/locked');

    // Assess
    expect(answer.status).toBe(403);
    expect(answer.json.detail).toBe('The request to GET /projects/locked was refused.');
    expect(trace).not.toContain('method');
  });

  it("answers with a guard's own HttpError", async () => {
    // Act
    const answer = await call(guarded, 'GET', '/projects/hidden');

    // Assess
    expect(answer).toMatchObject({ status: 404, json: { detail: 'No such project.' } });
  });

  it('refuses when a guard returns anything but true', async () => {
    // Act
    const answer = await call(guarded, 'GET', '/projects/sloppy');

    // Assess
    expect(answer.status).toBe(403);
  });

  it('runs guards after @Authorized, with the principal on the context', async () => {
    // Act
    const owner = await call(guarded, 'GET', '/projects/mine', { sub: 'owner' });
    const other = await call(guarded, 'GET', '/projects/mine', { sub: 'other' });
    const nobody = await call(guarded, 'GET', '/projects/mine');

    // Assess
    expect([owner.status, other.status, nobody.status]).toEqual([200, 403, 401]);
  });
});

describe('decorator mistakes', () => {
  it('refuses @Public on a class', () => {
    expect(() => {
      @(Public() as unknown as ClassDecorator)
      class Open {}
      return Open;
    }).toThrow(DecoratorUsageError);
  });

  it('refuses @Public and @Authorized on one method', () => {
    expect(() => {
      class Both {
        @Get('/both') @Public() @Authorized() both() {}
      }
      return Both;
    }).toThrow(/has both @Authorized\(\) and another/);
  });

  it.each([
    [{ scopes: 'users:write' }, /scopes must be an array/],
    [{ scopes: ['two words'] }, /without spaces/],
    [{ groups: [''] }, /groups must be an array of non-empty strings/],
    [{ match: 'some' }, /match must be "all" or "any"/],
    [{ roles: ['x'] }, /unknown option \["roles"\]/],
  ])('refuses @Authorized(%j)', (options, message) => {
    expect(() => Authorized(options as never)).not.toThrow();
    expect(() => {
      class Bad {
        @Get('/bad') @Authorized(options as never) bad() {}
      }
      return Bad;
    }).toThrow(message);
  });

  it('refuses a guard that is not a function', () => {
    expect(() => {
      @UseGuards('admin' as never)
      class Bad {}
      return Bad;
    }).toThrow(/argument 0 is string, not a guard function/);
  });
});
