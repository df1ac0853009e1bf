import { Get } from '../decorators/route';
import { HttpResponse } from '../http/response';
import type { LogRecord } from '../logging/logger';
import albSample from '../test/fixtures/events/alb/aws-sample.json';
import { captureLogger, send } from '../test/support/handler-harness';
import { lambdaContext } from '../test/support/lambda-context';
import { createHandler } from './create-handler';
import type { HandlerOptions } from './options';

class Api {
  @Get('/ok') ok() {
    return { ok: true };
  }
  @Get('/boom') boom() {
    throw new Error('boom');
  }
  @Get('/') cookies() {
    return new HttpResponse({ cookies: ['a=1', 'b=2'] });
  }
}

const LEVEL = 'AWS_LAMBDA_LOG_LEVEL';
const ACCESS_LOG = 'LAMBDA_CONTROLLERS_ACCESS_LOG';

let written: LogRecord[];

beforeEach(() => {
  written = [];
  // The default logger writes one JSON line per record to stdout.
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(JSON.parse(String(chunk)));
    return true;
  });
});

afterEach(() => {
  jest.restoreAllMocks();
  delete process.env[LEVEL];
  delete process.env[ACCESS_LOG];
});

/** A handler created with `env` set, as Lambda sets it before the layer loads. */
function handlerWith(env: Readonly<Record<string, string>>, options: HandlerOptions = {}) {
  Object.assign(process.env, env);
  return createHandler(Api, options);
}

function accessLines(): LogRecord[] {
  return written.filter((record) => record['message'] === 'request');
}

describe('createHandler access log and AWS_LAMBDA_LOG_LEVEL', () => {
  it('writes one INFO access line to stdout when no level is set', async () => {
    // Prepare
    const handler = handlerWith({});

    // Act
    await send(handler, 'GET', '/ok');

    // Assess
    expect(accessLines()).toEqual([
      expect.objectContaining({ level: 'INFO', method: 'GET', path: '/ok', status: 200 }),
    ]);
  });

  it.each(['TRACE', 'DEBUG', 'INFO', 'info'])(
    'keeps the access line at level %s',
    async (level) => {
      const handler = handlerWith({ [LEVEL]: level });

      await send(handler, 'GET', '/ok');

      expect(accessLines()).toHaveLength(1);
    },
  );

  it.each(['WARN', 'ERROR', 'FATAL', 'warn'])(
    'drops the access line at level %s',
    async (level) => {
      const handler = handlerWith({ [LEVEL]: level });

      const answer = await send(handler, 'GET', '/ok');

      expect(answer.status).toBe(200);
      expect(written).toEqual([]);
    },
  );

  it.each(['WARN', 'ERROR'])(
    'still writes the ERROR line of a failed request at level %s',
    async (level) => {
      const handler = handlerWith({ [LEVEL]: level });

      await send(handler, 'GET', '/boom');

      expect(written).toEqual([
        expect.objectContaining({ level: 'ERROR', message: 'request failed', route: 'GET /boom' }),
      ]);
    },
  );

  it('keeps warnings at level WARN and drops them at ERROR', async () => {
    // Prepare: a single-value ALB event cannot carry two cookies, which logs a warning.
    const event = { ...albSample, path: '/' };
    const atWarn = handlerWith({ [LEVEL]: 'WARN' });
    const atError = handlerWith({ [LEVEL]: 'ERROR' });

    // Act
    await atWarn(event, lambdaContext());
    const warnedAtWarn = written.filter((record) => record['level'] === 'WARN');
    written.length = 0;
    await atError(event, lambdaContext());

    // Assess
    expect(warnedAtWarn).toEqual([expect.objectContaining({ droppedSetCookies: 1 })]);
    expect(written).toEqual([]);
  });

  it('leaves a logger passed in options unfiltered', async () => {
    const logger = captureLogger();
    const handler = handlerWith({ [LEVEL]: 'ERROR' }, { logger });

    await send(handler, 'GET', '/ok');

    expect(logger.records).toEqual([
      expect.objectContaining({ level: 'info', record: expect.objectContaining({ path: '/ok' }) }),
    ]);
    expect(written).toEqual([]);
  });
});

describe('createHandler access log and LAMBDA_CONTROLLERS_ACCESS_LOG', () => {
  it.each(['off', 'false', '0', ' OFF '])('turns the access line off for %j', async (value) => {
    const handler = handlerWith({ [ACCESS_LOG]: value });

    await send(handler, 'GET', '/ok');
    await send(handler, 'GET', '/boom');

    expect(accessLines()).toEqual([]);
    expect(written).toEqual([expect.objectContaining({ level: 'ERROR', route: 'GET /boom' })]);
  });

  it.each(['on', 'true', '1', ''])('keeps the access line for %j', async (value) => {
    const handler = handlerWith({ [ACCESS_LOG]: value });

    await send(handler, 'GET', '/ok');

    expect(accessLines()).toHaveLength(1);
  });

  it('lets the accessLog option override the environment', async () => {
    const forcedOn = handlerWith({ [ACCESS_LOG]: 'off' }, { accessLog: true });
    const forcedOff = handlerWith({}, { accessLog: false });

    await send(forcedOn, 'GET', '/ok');
    await send(forcedOff, 'GET', '/ok');

    expect(accessLines()).toHaveLength(1);
  });
});
