import { HttpResponse, toOutgoingResponse } from './response';

describe('HttpResponse', () => {
  it('lower-cases header names, stringifies values and moves Set-Cookie to cookies', () => {
    const response = new HttpResponse({
      headers: { 'X-Count': 3, 'Set-Cookie': ['a=1', 'b=2'], Vary: ['Origin', 'Accept'] },
      cookies: ['c=3'],
    });
    expect(response.headers).toEqual({ 'x-count': ['3'], vary: ['Origin', 'Accept'] });
    expect(response.cookies).toEqual(['c=3', 'a=1', 'b=2']);
  });

  it('merges two spellings of one header and drops empty lists', () => {
    const response = new HttpResponse({
      headers: { Vary: ['origin'], vary: ['accept'], 'x-none': [] },
    });
    expect(response.headers).toEqual({ vary: ['origin', 'accept'] });
  });

  it.each([200.5, 99, 600, Number.NaN])('C49: sends status %p as 500', (status) => {
    expect(new HttpResponse({ status }).status).toBe(500);
  });

  it.each([
    [undefined, 'none'],
    ['text', 'text'],
    [Buffer.from('x'), 'binary'],
    [new Uint8Array([1]), 'binary'],
    [{ a: 1 }, 'json'],
    [null, 'json'],
    [0, 'json'],
  ])('decides once how %p is sent: %s', (body, kind) => {
    expect(new HttpResponse({ body }).bodyKind).toBe(kind);
  });
});

describe('HttpResponse.withHeaders', () => {
  it('adds headers, replaces a name it has, and leaves the original alone', () => {
    const original = new HttpResponse({
      status: 201,
      headers: { Vary: 'Accept', 'x-a': '1' },
      cookies: ['a=1'],
      body: { ok: true },
    });
    const changed = original.withHeaders({ VARY: 'Origin', 'x-b': 2, 'set-cookie': 'b=2' });
    expect(changed).toBeInstanceOf(HttpResponse);
    expect(changed).toMatchObject({
      status: 201,
      headers: { vary: ['Origin'], 'x-a': ['1'], 'x-b': ['2'] },
      cookies: ['a=1', 'b=2'],
      body: { ok: true },
      bodyKind: 'json',
    });
    expect(original.headers).toEqual({ vary: ['Accept'], 'x-a': ['1'] });
    expect(original.cookies).toEqual(['a=1']);
  });
});

describe('toOutgoingResponse', () => {
  it('C53: sends JSON values as application/json text', () => {
    expect(toOutgoingResponse(new HttpResponse({ body: { a: 1 } }), 'GET')).toEqual({
      status: 200,
      headers: { 'content-type': ['application/json'] },
      cookies: [],
      body: '{"a":1}',
      isBase64Encoded: false,
    });
  });

  it('C47: sends a Buffer or Uint8Array base64-encoded', () => {
    const bytes = new Uint8Array([0x1f, 0x8b, 0xff, 0x00]);
    const outgoing = toOutgoingResponse(new HttpResponse({ body: bytes }), 'GET');
    expect(outgoing).toMatchObject({
      body: 'H4v/AA==',
      isBase64Encoded: true,
      headers: { 'content-type': ['application/octet-stream'] },
    });
    expect(toOutgoingResponse(new HttpResponse({ body: Buffer.from(bytes) }), 'GET').body).toBe(
      'H4v/AA==',
    );
  });

  it('C47: encodes only the view of a Uint8Array, not its whole buffer', () => {
    const view = new Uint8Array([9, 1, 2, 9]).subarray(1, 3);
    expect(
      Buffer.from(toOutgoingResponse(new HttpResponse({ body: view }), 'GET').body, 'base64'),
    ).toEqual(Buffer.from([1, 2]));
  });

  it('C47: base64-encodes a text body with a content-encoding other than identity', () => {
    const outgoing = toOutgoingResponse(
      new HttpResponse({ headers: { 'content-encoding': 'br' }, body: 'hi' }),
      'GET',
    );
    expect(outgoing).toMatchObject({ body: 'aGk=', isBase64Encoded: true });
    expect(
      toOutgoingResponse(
        new HttpResponse({ headers: { 'content-encoding': 'identity' }, body: 'hi' }),
        'GET',
      ).isBase64Encoded,
    ).toBe(false);
  });

  it('sends strings as text and keeps a content-type the user set', () => {
    expect(
      toOutgoingResponse(new HttpResponse({ body: '<p>' }), 'GET').headers['content-type'],
    ).toEqual(['text/plain; charset=utf-8']);
    expect(
      toOutgoingResponse(
        new HttpResponse({ body: '<p>', headers: { 'Content-Type': 'text/html' } }),
        'GET',
      ).headers['content-type'],
    ).toEqual(['text/html']);
  });

  it.each([204, 304, 101])('C48: sends no body for status %p', (status) => {
    expect(toOutgoingResponse(new HttpResponse({ status, body: { a: 1 } }), 'GET')).toMatchObject({
      body: '',
      isBase64Encoded: false,
    });
  });

  it('C48: sends no body for HEAD but keeps status and headers', () => {
    const outgoing = toOutgoingResponse(
      new HttpResponse({ headers: { etag: '"1"' }, body: { a: 1 } }),
      'HEAD',
    );
    expect(outgoing).toEqual({
      status: 200,
      headers: { etag: ['"1"'], 'content-type': ['application/json'] },
      cookies: [],
      body: '',
      isBase64Encoded: false,
    });
  });

  it('throws for a body JSON cannot carry', () => {
    expect(() => toOutgoingResponse(new HttpResponse({ body: { n: 1n } }), 'GET')).toThrow(
      TypeError,
    );
    expect(() => toOutgoingResponse(new HttpResponse({ body: () => 1 }), 'GET')).toThrow(
      'A function cannot be sent as JSON.',
    );
  });
});
