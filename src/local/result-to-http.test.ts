import { answerFor, gatewayAnswer, resultToHttp } from './result-to-http';

function answerOf(payload: unknown) {
  const reading = resultToHttp(payload);
  if (!reading.ok) throw new Error(`expected an answer, got: ${reading.problem}`);
  return reading.answer;
}

function problemOf(payload: unknown): string {
  const reading = resultToHttp(payload);
  if (reading.ok) throw new Error(`expected a problem, got status ${reading.answer.status}`);
  return reading.problem;
}

describe('resultToHttp', () => {
  it('writes status, lower-cased headers and a text body', () => {
    // Act
    const answer = answerOf({
      statusCode: 201,
      headers: { Location: '/users/1', 'X-Count': 3, 'X-Flag': true },
      body: '{"id":"1"}',
      isBase64Encoded: false,
    });
    // Assess
    expect(answer).toEqual({
      status: 201,
      headers: { location: '/users/1', 'x-count': '3', 'x-flag': 'true' },
      body: Buffer.from('{"id":"1"}'),
    });
  });

  it('sends each cookie as its own Set-Cookie, after one set in headers', () => {
    // Act
    const answer = answerOf({
      statusCode: 200,
      headers: { 'Set-Cookie': 'first=1' },
      cookies: ['a=1; HttpOnly', 'b=2; Expires=Wed, 21 Oct 2026 07:28:00 GMT'],
    });
    // Assess
    expect(answer.headers['set-cookie']).toEqual([
      'first=1',
      'a=1; HttpOnly',
      'b=2; Expires=Wed, 21 Oct 2026 07:28:00 GMT',
    ]);
  });

  it('decodes a base64 body to its bytes', () => {
    expect(answerOf({ statusCode: 200, body: 'iVBORw0K/w==', isBase64Encoded: true }).body).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0xff]),
    );
  });

  it('leaves framing headers to the server', () => {
    // Act
    const answer = answerOf({
      statusCode: 200,
      headers: { 'Content-Length': '999', 'Transfer-Encoding': 'chunked', Connection: 'close' },
      body: 'ok',
    });
    // Assess
    expect(answer.headers).toEqual({});
  });

  it('puts the UTF-8 bytes of a non-Latin-1 header value on the wire', () => {
    // Act
    const value = answerOf({ statusCode: 200, headers: { 'x-name': 'café ☕' } }).headers['x-name'];
    // Assess
    expect(Buffer.from(String(value), 'latin1').toString('utf8')).toBe('café ☕');
  });

  it.each([
    ['an object', { message: 'hi' }, '{"message":"hi"}'],
    ['a string', 'Hello from Lambda!', 'Hello from Lambda!'],
    ['null', null, 'null'],
    ['an object with a body but no statusCode', { body: 'x' }, '{"body":"x"}'],
  ])('infers a 200 JSON response from %s', (_case, payload, body) => {
    expect(answerOf(payload)).toEqual({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: Buffer.from(body),
    });
  });

  it.each([
    [{ statusCode: '200' }, 'statusCode must be an integer from 100 to 599; got "200"'],
    [{ statusCode: 200.5 }, 'statusCode must be an integer from 100 to 599; got 200.5'],
    [{ statusCode: 600 }, 'statusCode must be an integer from 100 to 599; got 600'],
    [{ statusCode: 200, headers: ['a'] }, 'headers must be an object; got ["a"]'],
    [
      { statusCode: 200, headers: { a: { b: 1 } } },
      'header "a" must be a string, number or boolean; got {"b":1}',
    ],
    [
      { statusCode: 200, headers: { 'bad name': 'x' } },
      'header name "bad name" is not a valid HTTP token',
    ],
    [{ statusCode: 200, headers: { a: 'x\r\nb: y' } }, 'header "a" contains a line break or NUL'],
    [{ statusCode: 200, cookies: 'a=1' }, 'cookies must be an array of strings; got "a=1"'],
    [
      { statusCode: 200, cookies: ['a=1', 2] },
      'cookies must be an array of strings; got ["a=1",2]',
    ],
    [{ statusCode: 200, cookies: ['a=1\nb'] }, 'cookie "a=1\\nb" contains a line break or NUL'],
    [{ statusCode: 200, body: { a: 1 } }, 'body must be a string; got object'],
    [
      { statusCode: 200, body: 'x', isBase64Encoded: 'yes' },
      'isBase64Encoded must be a boolean; got "yes"',
    ],
    [{ statusCode: 200, body: 'not base64!', isBase64Encoded: true }, 'body is not valid base64'],
  ])('refuses %j: %s', (payload, problem) => {
    expect(problemOf(payload)).toBe(problem);
  });
});

describe('answerFor', () => {
  it('passes a usable result through without a note', () => {
    expect(answerFor({ kind: 'result', payload: { statusCode: 204 } })).toEqual({
      answer: { status: 204, headers: {}, body: Buffer.alloc(0) },
      note: undefined,
    });
  });

  it.each([
    [
      { kind: 'result', payload: { statusCode: 'x' } },
      502,
      /^malformed result: statusCode must be/,
    ],
    [
      { kind: 'timeout', message: 'Task timed out after 1.00 seconds' },
      504,
      /^Task timed out after 1\.00 seconds$/,
    ],
    [{ kind: 'crash', message: 'exited (code 1)' }, 502, /^worker crashed: exited \(code 1\)$/],
    [
      { kind: 'init-error', message: 'RoutesModuleError: no routes' },
      502,
      /^init error: RoutesModuleError/,
    ],
  ] as const)('answers %j with %i and says why', (outcome, status, note) => {
    // Act
    const { answer, note: written } = answerFor(outcome);
    // Assess
    expect(answer.status).toBe(status);
    expect(written).toMatch(note);
  });

  it('answers a function error with 502 and logs its type, message and stack', () => {
    // Act
    const { answer, note } = answerFor({
      kind: 'function-error',
      error: {
        errorType: 'TypeError',
        errorMessage: 'x is not a function',
        stack: ['TypeError: x is not a function', '    at handler (/var/task/main.js:3:9)'],
      },
    });
    // Assess
    expect(answer).toEqual(gatewayAnswer(502, 'Internal Server Error'));
    expect(note).toBe(
      'function error: TypeError: x is not a function\nat handler (/var/task/main.js:3:9)',
    );
  });
});

describe('gatewayAnswer', () => {
  it('answers in API Gateway JSON message format', () => {
    expect(gatewayAnswer(404, 'Not Found')).toEqual({
      status: 404,
      headers: { 'content-type': 'application/json' },
      body: Buffer.from('{"message":"Not Found"}'),
    });
  });
});
