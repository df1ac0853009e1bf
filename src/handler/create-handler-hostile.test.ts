import { IsOptional, IsString } from 'class-validator';
import { Body, Param } from '../decorators/params';
import { Get, Post } from '../decorators/route';
import { captureLogger } from '../test/support/handler-harness';
import { hostileEvent } from '../test/support/hostile-events';
import { lambdaContext } from '../test/support/lambda-context';
import { createHandler } from './create-handler';

class NoteDto {
  @IsOptional() @IsString({ each: true }) lines?: string[];
}

class Api {
  @Post('/notes') create(@Body() note: NoteDto) {
    return note;
  }
  @Get('/files/{path+}') file(@Param('path') path: string) {
    return { length: path.length };
  }
}

const json = [['content-type', 'application/json']] as const;

async function answer(event: object) {
  const logger = captureLogger();
  const handler = createHandler(Api, { logger, accessLog: false });
  const result = (await handler(event, lambdaContext({ awsRequestId: 'req-h' }))) as {
    statusCode: number;
    body: string;
  };
  return { status: result.statusCode, body: result.body, logger };
}

describe('requests built to exhaust the handler', () => {
  it.each([
    ['arrays', `{"a":${'['.repeat(1_874)}${']'.repeat(1_874)}}`],
    ['an object chain', `${'{"a":'.repeat(2_270)}1${'}'.repeat(2_270)}`],
    ['arrays behind a \\u escape', `{"\\u0061":${'['.repeat(1_874)}${']'.repeat(1_874)}}`],
  ])('a body of deeply nested %s gets the same 400 naming the limit', async (_label, body) => {
    const request = { method: 'POST', path: '/notes', rawQuery: '', headers: json, body };
    const { status, body: problem, logger } = await answer(hostileEvent('apigw-http', request));
    expect(status).toBe(400);
    expect(JSON.parse(problem)).toMatchObject({
      detail: 'The body nests arrays and objects more than 64 levels deep; the limit is 64.',
      maxJsonDepth: 64,
      requestId: 'req-h',
    });
    expect(logger.records).toEqual([]);
  });

  it('an object of 70,000 keys gets a 400 naming the limit before class-transformer sees it', async () => {
    const keys = Array.from({ length: 70_000 }, (_, index) => `"k${index}":1`);
    const request = {
      method: 'POST',
      path: '/notes',
      rawQuery: '',
      headers: json,
      body: `{${keys.join(',')}}`,
    };
    const { status, body: problem } = await answer(hostileEvent('function-url', request));
    expect(status).toBe(400);
    expect(JSON.parse(problem)).toMatchObject({
      detail: 'An object in the body has more than 1000 members; the limit is 1000.',
      maxJsonKeys: 1_000,
    });
  });

  it('accepts nesting up to a configured limit of 1000', async () => {
    const handler = createHandler(Api, { logger: captureLogger(), maxJsonDepth: 1_000 });
    const body = `{"lines":${'['.repeat(999)}${']'.repeat(999)}}`;
    const request = { method: 'POST', path: '/notes', rawQuery: '', headers: json, body };
    const result = (await handler(hostileEvent('apigw-http', request), lambdaContext())) as {
      statusCode: number;
      body: string;
    };
    // Deep, but not too deep: validation runs and answers for the content, not the depth.
    expect(result.statusCode).toBe(400);
    expect(JSON.parse(result.body)).toMatchObject({ errors: { lines: expect.any(Array) } });
  });

  it('a REST {proxy+} value of 125,000 segments is routed, not a RangeError', async () => {
    const path = `/files/${'a/'.repeat(125_000)}a`;
    const request = { method: 'GET', path, rawQuery: '', headers: [] };
    const { status, body } = await answer(hostileEvent('apigw-rest', request));
    expect(status).toBe(200);
    expect(JSON.parse(body)).toEqual({ length: path.length - '/files/'.length });
  });

  it('a multi-value header of 130,000 values is read, not a RangeError', async () => {
    const headers = Array.from({ length: 130_000 }, () => ['x-many', 'v'] as const);
    const request = { method: 'GET', path: '/files/a', rawQuery: '', headers };
    for (const source of ['apigw-rest', 'alb-multi-value'] as const) {
      expect((await answer(hostileEvent(source, request))).status).toBe(200);
    }
  });

  it('a body of 130,000 bad items gets a problem of a few kilobytes', async () => {
    const body = `{"lines":[${'1,'.repeat(129_999)}1]}`;
    const request = { method: 'POST', path: '/notes', rawQuery: '', headers: json, body };
    const { status, body: problem } = await answer(hostileEvent('alb', request));
    expect(status).toBe(400);
    expect(Buffer.byteLength(problem)).toBeLessThan(4_096);
    expect(JSON.parse(problem)).toMatchObject({ requestId: 'req-h' });
  });

  it('a 404 on ALB echoes only the start of a huge path', async () => {
    const path = `/${'x'.repeat(900_000)}`;
    const request = { method: 'GET', path, rawQuery: '', headers: [] };
    const { status, body } = await answer(hostileEvent('alb', request));
    expect(status).toBe(404);
    expect(JSON.parse(body)).toMatchObject({
      detail: `No route matches GET /${'x'.repeat(99)}… (899901 more characters).`,
    });
  });

  it('a 405 echoes only the start of a huge method', async () => {
    const request = { method: 'X'.repeat(50_000), path: '/notes', rawQuery: '', headers: [] };
    const { status, body } = await answer(hostileEvent('apigw-rest', request));
    expect(status).toBe(405);
    expect(JSON.parse(body)['detail']).toBe(
      `${'X'.repeat(100)}… (49900 more characters) is not allowed on /notes.`,
    );
  });
});
