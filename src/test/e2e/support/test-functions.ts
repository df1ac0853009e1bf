/** Sources of the functions the end-to-end tests serve with `--function`. */

/** PNG signature and a few bytes that are not UTF-8. */
export const BINARY_BYTES = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe];

/** A controller on the layer, with one route per behaviour the local runtime must reproduce. */
export const RUNTIME_ROUTES = `
import { Get, HttpResponse, Param, Post, Req } from 'lambda-controllers';

interface EventAndContext {
  event: {
    routeKey: string;
    pathParameters?: Record<string, string>;
    rawPath: string;
    rawQueryString: string;
    requestContext: { stage: string };
  };
  context: { functionName: string; memoryLimitInMB: string; getRemainingTimeInMillis(): number };
}

export class routes {
  @Get('/ping') ping() {
    return 'pong';
  }

  @Get('/pid') pid() {
    return { pid: process.pid };
  }

  @Get('/cookies') cookies(@Req() request: { cookies: Record<string, string> }) {
    return new HttpResponse({
      cookies: ['session=abc; HttpOnly; Path=/', 'theme=dark; Path=/'],
      body: { received: request.cookies },
    });
  }

  @Get('/binary') binary() {
    return new HttpResponse({
      headers: { 'content-type': 'image/png' },
      body: Buffer.from(${JSON.stringify(BINARY_BYTES)}),
    });
  }

  @Post('/echo') echo(@Req() request: { body: Buffer | undefined }) {
    return new HttpResponse({
      headers: { 'content-type': 'application/octet-stream' },
      body: request.body ?? Buffer.alloc(0),
    });
  }

  @Get('/event/{id}') event(@Param('id') id: string, @Req() request: EventAndContext) {
    const { event, context } = request;
    return {
      id,
      routeKey: event.routeKey,
      pathParameters: event.pathParameters,
      rawPath: event.rawPath,
      rawQueryString: event.rawQueryString,
      stage: event.requestContext.stage,
      functionName: context.functionName,
      memoryLimitInMB: context.memoryLimitInMB,
      remainingMs: context.getRemainingTimeInMillis(),
    };
  }

  @Get('/boom') boom() {
    throw new Error('kaboom');
  }

  @Get('/sleep') async sleep() {
    await new Promise((done) => setTimeout(done, 3000));
    return 'late';
  }

  @Get('/crash') crash() {
    process.exit(3);
  }
}
`;

/**
 * A function with its own \`main.js\` in the task root, which the runtime finds before the layer's:
 * it answers whatever the test asks for, well-formed or not.
 */
export const RAW_HANDLER = `
export const handler = async (event: { rawPath: string }, context: { functionName: string }) => {
  switch (event.rawPath) {
    case '/malformed':
      return { statusCode: 'abc', body: 'never sent' };
    case '/inferred':
      return { hello: 'world' };
    case '/throws':
      throw new TypeError('not today');
    default:
      return { statusCode: 200, headers: { 'content-type': 'text/plain' }, body: context.functionName };
  }
};
`;

/** A function with its own `main.js` that answers with the GREETING its services gave it. */
export const GREETING_HANDLER = `
export const handler = async () => ({
  statusCode: 200,
  headers: { 'content-type': 'text/plain' },
  body: process.env.GREETING ?? 'no greeting',
});
`;

/** A function that fails to initialize: its `main.js` throws when it is loaded. */
export const BROKEN_AT_INIT = `throw new Error('broken at init');\n`;

/**
 * A services module (`.mjs`) that gives the function GREETING and writes each call of `start`
 * and `stop` to the file named by SERVICES_JOURNAL in the local server's environment.
 */
export const JOURNALED_SERVICES = `
import { appendFileSync } from 'node:fs';

export async function start(options) {
  const note = (line) => appendFileSync(options.env.SERVICES_JOURNAL, line + '\\n');
  note('start ' + options.command);
  return {
    env: { GREETING: 'hello from the services' },
    describe: ['greeting stub ready', 'second line'],
    stop: async () => note('stop'),
  };
}
`;

/**
 * A services module (`.mjs`) whose `start` runs until Ctrl-C aborts it, then resolves with what
 * it started; journaled like `JOURNALED_SERVICES`.
 */
export const SLOW_SERVICES = `
import { appendFileSync } from 'node:fs';

export async function start(options) {
  const note = (line) => appendFileSync(options.env.SERVICES_JOURNAL, line + '\\n');
  options.log('slow services: starting');
  await new Promise((done) => options.signal.addEventListener('abort', done, { once: true }));
  note('start aborted');
  return { env: {}, describe: [], stop: async () => note('stop') };
}
`;
