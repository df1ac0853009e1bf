import { IsInt, IsString, Max } from 'class-validator';
import { Body, Param } from '../decorators/params';
import { Get, Post } from '../decorators/route';
import { NotFoundError, ServiceUnavailableError } from '../errors/http-error';
import { HttpResponse } from '../http/response';
import albSample from '../test/fixtures/events/alb/aws-sample.json';
import { captureLogger, send } from '../test/support/handler-harness';
import { httpApiEvent, jsonBody } from '../test/support/http-api-event';
import { lambdaContext } from '../test/support/lambda-context';
import { createHandler } from './create-handler';

class ItemDto {
  @IsString() name!: string;
  @IsInt() @Max(10) quantity!: number;
}

class Shop {
  @Get('/items/{id}') get(@Param('id') id: string) {
    if (id === 'missing') throw new NotFoundError(`No item ${id}.`);
    if (id === 'busy')
      throw new ServiceUnavailableError('Throttled by the table.', {
        headers: { 'retry-after': '1' },
      });
    if (id === 'string') throw 'a secret string';
    if (id === 'object') throw { secret: 'value' };
    if (id === 'undefined') throw undefined;
    throw new Error('connection string postgres://user:pw@db');
  }
  @Post('/items') create(@Body() item: ItemDto) {
    return item;
  }
  @Post('/raw') raw(@Body() text: string) {
    return { length: text.length };
  }
  @Get('/huge') huge() {
    return new HttpResponse({ body: 'x'.repeat(7_000_000) });
  }
  @Get('/large') large() {
    return new HttpResponse({ body: 'y'.repeat(2_000_000) });
  }
  @Get('/bigint') bigint() {
    return { n: 10n };
  }
}

function setup() {
  const logger = captureLogger();
  const handler = createHandler(Shop, { logger, maxBodyBytes: 64 });
  return { logger, handler };
}

describe('createHandler errors', () => {
  it('C84: answers a thrown NotFoundError with its problem and the request id', async () => {
    const { handler } = setup();
    const answer = await send(handler, 'GET', '/items/missing');
    expect(answer.status).toBe(404);
    expect(answer.headers['content-type']).toBe('application/problem+json');
    expect(answer.json).toEqual({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: 'No item missing.',
      requestId: 'req-1',
    });
  });

  it('keeps the headers of a thrown HttpError, such as Retry-After', async () => {
    const { handler } = setup();
    const answer = await send(handler, 'GET', '/items/busy');
    expect(answer.status).toBe(503);
    expect(answer.headers['retry-after']).toBe('1');
  });

  it.each(['boom', 'string', 'object', 'undefined'])(
    'C85/C86: answers 500 without the content of a thrown %s and logs it once with the stack',
    async (id) => {
      const { handler, logger } = setup();
      const answer = await send(handler, 'GET', `/items/${id}`);
      expect(answer.json).toEqual({
        type: 'about:blank',
        title: 'Internal Server Error',
        status: 500,
        requestId: 'req-1',
      });
      expect(answer.body).not.toMatch(/secret|postgres/);
      const errors = logger.records.filter((entry) => entry.level === 'error');
      expect(errors).toHaveLength(1);
      expect(errors[0]?.record).toMatchObject({
        message: 'request failed',
        requestId: 'req-1',
        route: 'GET /items/{id}',
      });
    },
  );

  it('C86: logs the stack of an unexpected Error', async () => {
    const { handler, logger } = setup();
    await send(handler, 'GET', '/items/boom');
    expect(logger.records.find((entry) => entry.level === 'error')?.record).toMatchObject({
      error: {
        name: 'Error',
        message: 'connection string postgres://user:pw@db',
        stack: expect.stringContaining('create-handler-errors.test.ts'),
      },
    });
  });

  it('C87/C88: logs one access line per request with the route template and both request ids', async () => {
    const { handler, logger } = setup();
    await send(handler, 'GET', '/items/missing');
    const access = logger.records.filter((entry) => entry.record['message'] === 'request');
    expect(access).toHaveLength(1);
    expect(access[0]).toMatchObject({
      level: 'info',
      record: {
        method: 'GET',
        path: '/items/missing',
        route: 'GET /items/{id}',
        status: 404,
        requestId: 'req-1',
        sourceRequestId: 'JKJaXmPLvHcESHA=',
      },
    });
    expect(access[0]?.record['durationMs']).toEqual(expect.any(Number));
  });

  it('switches the access log off through the environment', async () => {
    process.env['LAMBDA_CONTROLLERS_ACCESS_LOG'] = 'off';
    const logger = captureLogger();
    const handler = createHandler(Shop, { logger });
    delete process.env['LAMBDA_CONTROLLERS_ACCESS_LOG'];
    await send(handler, 'GET', '/items/missing');
    expect(logger.records).toEqual([]);
  });

  it('C90: keeps no state from a failed request to the next', async () => {
    const { handler } = setup();
    await send(handler, 'GET', '/items/boom');
    expect(
      (await send(handler, 'POST', '/items', jsonBody({ name: 'a', quantity: 1 }))).status,
    ).toBe(200);
  });

  it('C52: answers 500 naming the size when the response exceeds the 6 MB limit', async () => {
    const { handler, logger } = setup();
    const answer = await send(handler, 'GET', '/huge');
    expect(answer.status).toBe(500);
    expect(answer.json).toMatchObject({
      detail: 'The response body has 7000000 bytes; apigw-http accepts at most 6291456.',
    });
    expect(logger.records.some((entry) => entry.level === 'error')).toBe(true);
  });

  it('C40: answers 500 naming the size when a response exceeds the ALB limit of 1 MB', async () => {
    const { handler } = setup();
    const event = { ...albSample, path: '/large', body: '' };
    const result = (await handler(event, lambdaContext())) as {
      statusCode: number;
      statusDescription: string;
      body: string;
    };
    expect(result).toMatchObject({
      statusCode: 500,
      statusDescription: '500 Internal Server Error',
    });
    expect(JSON.parse(result.body)).toMatchObject({
      detail: 'The response body has 2000000 bytes; alb accepts at most 1048576.',
    });
  });

  it('C89: answers a plain 500 problem when the result cannot be serialized', async () => {
    const { handler } = setup();
    const answer = await send(handler, 'GET', '/bigint');
    expect(answer).toMatchObject({
      status: 500,
      json: { status: 500, title: 'Internal Server Error' },
    });
  });

  it('C5: rejects a non-HTTP event with NotAnHttpEventError naming its keys, and logs it', async () => {
    const { handler, logger } = setup();
    await expect(handler({ Records: [] }, lambdaContext())).rejects.toThrow(
      expect.objectContaining({ name: 'NotAnHttpEventError' }),
    );
    await expect(handler({ Records: [] }, lambdaContext())).rejects.toThrow('Records');
    expect(logger.records[0]).toMatchObject({ level: 'error', record: { requestId: 'req-1' } });
  });
});

describe('createHandler bodies', () => {
  it('validates and transforms a DTO body', async () => {
    const { handler } = setup();
    expect(
      (await send(handler, 'POST', '/items', jsonBody({ name: 'pen', quantity: 3 }))).json,
    ).toEqual({ name: 'pen', quantity: 3 });
  });

  it('C71: answers 400 when the body is missing or empty', async () => {
    const { handler } = setup();
    const missing = await send(handler, 'POST', '/items', {
      headers: { 'content-type': 'application/json' },
    });
    expect(missing).toMatchObject({ status: 400, json: { detail: 'A JSON body is required.' } });
    expect(
      (
        await send(handler, 'POST', '/items', {
          body: '',
          headers: { 'content-type': 'application/json' },
        })
      ).status,
    ).toBe(400);
  });

  it.each(['application/json; charset=utf-8', 'application/merge-patch+json', 'Application/JSON'])(
    'C74: accepts the content type %s',
    async (contentType) => {
      const { handler } = setup();
      const answer = await send(handler, 'POST', '/items', {
        body: '{"name":"a","quantity":1}',
        headers: { 'content-type': contentType },
      });
      expect(answer.status).toBe(200);
    },
  );

  it.each([['text/plain'], ['application/x-www-form-urlencoded'], [undefined]])(
    'C74: answers 415 for the content type %s',
    async (contentType) => {
      const { handler } = setup();
      const headers: Record<string, string> =
        contentType === undefined ? {} : { 'content-type': contentType };
      const answer = await send(handler, 'POST', '/items', {
        body: '{"name":"a","quantity":1}',
        headers,
      });
      expect(answer).toMatchObject({ status: 415, json: { title: 'Unsupported Media Type' } });
    },
  );

  it('C75: answers 400 for malformed JSON', async () => {
    const { handler } = setup();
    const answer = await send(handler, 'POST', '/items', {
      body: '{"name":',
      headers: { 'content-type': 'application/json' },
    });
    expect(answer).toMatchObject({
      status: 400,
      json: { detail: expect.stringContaining('not valid JSON') },
    });
  });

  it('C76: answers 413 for a body over the limit, before parsing it', async () => {
    const { handler } = setup();
    const answer = await send(handler, 'POST', '/items', {
      body: `{${' '.repeat(100)}`,
      headers: { 'content-type': 'application/json' },
    });
    expect(answer).toMatchObject({
      status: 413,
      json: { detail: 'The body has 101 bytes; the limit is 64.' },
    });
    expect((await send(handler, 'POST', '/raw', { body: 'y'.repeat(65) })).status).toBe(413);
  });

  it.each([['null'], ['[]'], ['"text"'], ['42']])(
    'C77: answers 400 for the top-level JSON %s',
    async (body) => {
      const { handler } = setup();
      expect(
        (
          await send(handler, 'POST', '/items', {
            body,
            headers: { 'content-type': 'application/json' },
          })
        ).status,
      ).toBe(400);
    },
  );

  it('C78/C81: lists every failing field in errors', async () => {
    const { handler } = setup();
    const answer = await send(
      handler,
      'POST',
      '/items',
      jsonBody({ name: 1, quantity: 11, admin: true }),
    );
    expect(answer.json).toMatchObject({
      status: 400,
      requestId: 'req-1',
      errors: {
        name: ['name must be a string'],
        quantity: ['quantity must not be greater than 10'],
        admin: ['property admin should not exist'],
      },
    });
  });

  it('C79: refuses __proto__ and constructor keys without polluting anything', async () => {
    const handler = createHandler(Shop, { logger: captureLogger() });
    for (const body of [
      '{"__proto__":{"admin":true},"name":"a","quantity":1}',
      '{"constructor":{"prototype":{"admin":true}},"name":"a","quantity":1}',
    ]) {
      const answer = await send(handler, 'POST', '/items', {
        body,
        headers: { 'content-type': 'application/json' },
      });
      expect(answer.status).toBe(400);
    }
    expect(({} as Record<string, unknown>)['admin']).toBeUndefined();
  });

  it('C80: does not convert "3" for an integer field', async () => {
    const { handler } = setup();
    expect(
      (await send(handler, 'POST', '/items', jsonBody({ name: 'a', quantity: '3' }))).status,
    ).toBe(400);
  });

  it('C18: reads a base64 body', async () => {
    const { handler } = setup();
    const event = httpApiEvent('POST', '/raw', { body: Buffer.from('héllo').toString('base64') });
    const result = (await handler({ ...event, isBase64Encoded: true }, lambdaContext())) as {
      body: string;
    };
    expect(JSON.parse(result.body)).toEqual({ length: 5 });
  });
});

describe('the last-resort answer', () => {
  /** A logger that fails while the framework logs a 500, so the normal error path breaks. */
  function brokenLogger() {
    const logger = captureLogger();
    return {
      ...logger,
      error: (record: { message: string }) => {
        if (record.message === 'request failed') throw new Error('log sink is down');
        logger.error(record);
      },
      records: logger.records,
    };
  }

  it('is a 500 problem that still carries the request id', async () => {
    const logger = brokenLogger();
    const handler = createHandler(Shop, { logger, accessLog: false });
    const result = (await handler(
      httpApiEvent('GET', '/items/boom'),
      lambdaContext({ awsRequestId: 'req-9' }),
    )) as {
      statusCode: number;
      headers: Record<string, string>;
      body: string;
    };
    expect(result.statusCode).toBe(500);
    expect(result.headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(result.body)).toEqual({
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      requestId: 'req-9',
    });
    expect(logger.records).toEqual([
      expect.objectContaining({
        level: 'error',
        record: expect.objectContaining({ message: 'framework error', requestId: 'req-9' }),
      }),
    ]);
  });

  it('sends no body to a HEAD request', async () => {
    const logger = brokenLogger();
    const handler = createHandler(Shop, { logger, accessLog: false });
    const result = (await handler(httpApiEvent('HEAD', '/items/boom'), lambdaContext())) as {
      statusCode: number;
      body: string;
    };
    expect(result.statusCode).toBe(500);
    expect(result.body).toBe('');
    expect(logger.records.map(({ record }) => record['message'])).toEqual(['framework error']);
  });
});
