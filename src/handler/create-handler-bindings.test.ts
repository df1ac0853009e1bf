import { Body, Param } from '../decorators/params';
import { Get, Post } from '../decorators/route';
import { captureLogger, send } from '../test/support/handler-harness';
import { createHandler } from './create-handler';

const called: string[] = [];

class Uploads {
  @Post('/bytes') bytes(@Body() body: Buffer) {
    called.push('bytes');
    return { isBuffer: Buffer.isBuffer(body), hex: body.toString('hex') };
  }
  @Post('/array') array(@Body() body: Uint8Array) {
    return { isUint8Array: body instanceof Uint8Array, bytes: [...body] };
  }
  // The first parameter has no decorator: the route binds it as `none`.
  @Get('/items/{id}') item(unbound: unknown, @Param('id') id: string) {
    return { unbound: unbound === undefined ? 'undefined' : unbound, id };
  }
}

const handler = createHandler(Uploads, {
  accessLog: false,
  logger: captureLogger(),
  maxBodyBytes: 8,
});

beforeEach(() => {
  called.length = 0;
});

describe('createHandler with a Buffer or Uint8Array body (body-bytes)', () => {
  it('C18: gives a Buffer parameter a base64 gzip body byte for byte', async () => {
    // Prepare
    const gzip = Buffer.from([0x1f, 0x8b, 0xff, 0x00]).toString('base64');

    // Act
    const answer = await send(handler, 'POST', '/bytes', { body: gzip, isBase64Encoded: true });

    // Assess
    expect(answer.json).toEqual({ isBuffer: true, hex: '1f8bff00' });
  });

  it('gives the UTF-8 bytes of a text body', async () => {
    const answer = await send(handler, 'POST', '/bytes', { body: 'héllo' });

    expect(answer.json).toEqual({ isBuffer: true, hex: '68c3a96c6c6f' });
  });

  it('gives an empty Buffer when the request has no body', async () => {
    const answer = await send(handler, 'POST', '/bytes');

    expect(answer.json).toEqual({ isBuffer: true, hex: '' });
  });

  it('passes the bytes whatever the content type, without parsing them as JSON', async () => {
    const answer = await send(handler, 'POST', '/bytes', {
      body: '{"a":',
      headers: { 'content-type': 'application/json' },
    });

    expect(answer).toMatchObject({
      status: 200,
      json: { hex: Buffer.from('{"a":').toString('hex') },
    });
  });

  it('gives a Uint8Array parameter the same bytes', async () => {
    const body = Buffer.from([0, 1, 254, 255]).toString('base64');

    const answer = await send(handler, 'POST', '/array', { body, isBase64Encoded: true });

    expect(answer.json).toEqual({ isUint8Array: true, bytes: [0, 1, 254, 255] });
  });

  it('answers 413 for a body over maxBodyBytes without calling the method', async () => {
    const answer = await send(handler, 'POST', '/bytes', { body: '123456789' });

    expect(answer).toMatchObject({
      status: 413,
      json: { detail: 'The body has 9 bytes; the limit is 8.' },
    });
    expect(called).toEqual([]);
  });
});

describe('createHandler with an undecorated parameter (none)', () => {
  it('passes undefined to it, whatever the request carries', async () => {
    const answer = await send(handler, 'GET', '/items/7?unbound=x', {
      body: 'unbound',
      headers: { unbound: 'x' },
    });

    expect(answer.json).toEqual({ unbound: 'undefined', id: '7' });
  });
});
