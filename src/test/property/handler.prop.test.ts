import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IsString } from 'class-validator';
import fc from 'fast-check';
import { Body, Param, Query } from '../../decorators/params';
import { Get, Post } from '../../decorators/route';
import { detectEventSource } from '../../events/detect';
import { NotAnHttpEventError } from '../../events/not-an-http-event-error';
import { createHandler } from '../../handler/create-handler';
import { captureLogger } from '../support/handler-harness';
import { lambdaContext } from '../support/lambda-context';

class NoteDto {
  @IsString() text!: string;
}

class Api {
  @Get('/users/{id}') get(@Param('id') id: number, @Query('q') q: string) {
    return { id, q };
  }
  @Post('/users') create(@Body() note: NoteDto) {
    return note;
  }
  @Get('/files/{path+}') file(@Param('path') path: string) {
    return path;
  }
}

const FIXTURES = join(__dirname, '../fixtures/events');
const httpFixtures = ['apigw-http', 'apigw-rest', 'alb', 'function-url'].flatMap((source) =>
  readdirSync(join(FIXTURES, source)).map(
    (file) =>
      JSON.parse(readFileSync(join(FIXTURES, source, file), 'utf8')) as Record<string, unknown>,
  ),
);

/** Values that break naive code: odd types, prototype keys, bad escapes, huge strings. */
const nasty = fc.oneof(
  fc.constantFrom(
    null,
    undefined,
    '',
    '%',
    '%E0%A4%A',
    '__proto__',
    'constructor',
    'valueOf',
    '/',
    '//',
    '/users/%ZZ',
    0,
    -1,
    true,
    [],
    {},
  ),
  fc.string(),
  fc.string({ minLength: 10_000, maxLength: 20_000 }),
  fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.constant(null), fc.integer())),
  fc.array(fc.string()),
  fc.integer(),
);

/** A fixture with some of its fields (top level and requestContext) replaced or deleted. */
const mutatedEvent = fc
  .record({
    fixture: fc.constantFrom(...httpFixtures),
    changes: fc.array(
      fc.tuple(
        fc.constantFrom('top', 'requestContext', 'http'),
        fc.string({ maxLength: 20 }),
        nasty,
        fc.boolean(),
      ),
      { maxLength: 6 },
    ),
    keys: fc.array(
      fc.constantFrom(
        'rawPath',
        'path',
        'httpMethod',
        'headers',
        'multiValueHeaders',
        'queryStringParameters',
        'multiValueQueryStringParameters',
        'rawQueryString',
        'cookies',
        'body',
        'isBase64Encoded',
        'pathParameters',
        'stageVariables',
      ),
      { maxLength: 4 },
    ),
  })
  .map(({ fixture, changes, keys }) => {
    const event: Record<string, unknown> = structuredClone(fixture);
    for (const key of keys) event[key] = null;
    for (const [where, key, value, remove] of changes) {
      const context = event['requestContext'];
      const target =
        where === 'top'
          ? event
          : typeof context === 'object' && context !== null
            ? where === 'requestContext'
              ? context
              : Reflect.get(context, 'http')
            : undefined;
      if (typeof target !== 'object' || target === null) continue;
      if (remove) Reflect.deleteProperty(target, key);
      else Reflect.set(target, key, value);
    }
    return event;
  });

function isWellFormed(result: unknown): boolean {
  if (typeof result !== 'object' || result === null) return false;
  const { statusCode, body } = result as { statusCode?: unknown; body?: unknown };
  return (
    Number.isInteger(statusCode) &&
    (statusCode as number) >= 100 &&
    (statusCode as number) <= 599 &&
    typeof body === 'string'
  );
}

describe('the handler under random events', () => {
  const handler = createHandler(Api, { logger: captureLogger(), accessLog: false });

  it('C8: always resolves to a well-formed response for a recognised event', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedEvent, async (event) => {
        let recognised = true;
        try {
          detectEventSource(event);
        } catch (error) {
          if (!(error instanceof NotAnHttpEventError)) throw error;
          recognised = false;
        }
        if (recognised) {
          expect(isWellFormed(await handler(event, lambdaContext()))).toBe(true);
        } else {
          await expect(handler(event, lambdaContext())).rejects.toBeInstanceOf(NotAnHttpEventError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('C5: rejects anything that is not an HTTP event with NotAnHttpEventError, never another error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(nasty, fc.anything()), async (event) => {
        let outcome: unknown;
        try {
          outcome = await handler(event, lambdaContext());
        } catch (error) {
          outcome = error;
        }
        expect(outcome instanceof NotAnHttpEventError || isWellFormed(outcome)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
