import {
  BadRequestError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
} from '../errors/http-error';
import { albSource } from '../events/alb';
import { apigwHttpSource } from '../events/apigw-http';
import type { LambdaHttpRequest } from '../http/request';
import { httpApiEvent } from '../test/support/http-api-event';
import { lambdaContext } from '../test/support/lambda-context';
import { assertBodySize, isJsonMediaType, readBodyText, readJsonText } from './request-body';

function request(body: string | undefined, contentType?: string): LambdaHttpRequest {
  return {
    method: 'POST',
    path: '/items',
    headers: contentType === undefined ? {} : { 'content-type': contentType },
    query: {},
    cookies: {},
    body: body === undefined ? undefined : Buffer.from(body),
    sourceIp: undefined,
    sourceRequestId: undefined,
    event: {},
    context: lambdaContext(),
  };
}

describe('isJsonMediaType', () => {
  it.each([
    ['application/json', true],
    ['Application/JSON; charset=utf-8', true],
    ['application/problem+json', true],
    ['text/json', false],
    ['application/jsonx', false],
    [undefined, false],
  ])('says %s is JSON: %s', (contentType, expected) => {
    expect(isJsonMediaType(contentType)).toBe(expected);
  });
});

describe('assertBodySize', () => {
  it('accepts a body at the limit and no body at all', () => {
    expect(() => assertBodySize(request('1234'), 4)).not.toThrow();
    expect(() => assertBodySize(request(undefined), 0)).not.toThrow();
  });

  it('refuses a body over the limit with 413, naming both sizes', () => {
    expect(() => assertBodySize(request('12345'), 4)).toThrow(
      new PayloadTooLargeError('The body has 5 bytes; the limit is 4.'),
    );
  });
});

describe('readJsonText', () => {
  it('returns the text of a JSON body', () => {
    expect(readJsonText(request('{"a":1}', 'application/json'), 100)).toBe('{"a":1}');
  });

  it.each([
    ['no body', undefined],
    ['an empty body', ''],
  ])('refuses %s with 400', (_label, body) => {
    expect(() => readJsonText(request(body, 'application/json'), 100)).toThrow(BadRequestError);
  });

  it('refuses a body without a JSON content-type with 415, naming what came', () => {
    expect(() => readJsonText(request('{}'), 100)).toThrow(
      new UnsupportedMediaTypeError('The body must be application/json; got no content-type.'),
    );
    expect(() => readJsonText(request('{}', 'text/plain'), 100)).toThrow(
      new UnsupportedMediaTypeError('The body must be application/json; got "text/plain".'),
    );
  });
});

describe('readBodyText', () => {
  function fromHttpApi(body: string, isBase64Encoded = false): LambdaHttpRequest {
    const event = httpApiEvent('POST', '/items', { body, isBase64Encoded });
    return apigwHttpSource.toRequest(event, lambdaContext(), {});
  }

  it('gives the text of an event body, and the same text once its bytes were read', () => {
    const request = fromHttpApi('{"name":"Zoë"}');
    expect(readBodyText(request, 100)).toBe('{"name":"Zoë"}');
    expect(request.body?.toString('utf8')).toBe('{"name":"Zoë"}');
    expect(readBodyText(request, 100)).toBe('{"name":"Zoë"}');
  });

  it('counts the bytes of an event body, not its characters', () => {
    // "é" is one character and two bytes.
    expect(readBodyText(fromHttpApi('éé'), 4)).toBe('éé');
    expect(() => readBodyText(fromHttpApi('éé'), 3)).toThrow(
      new PayloadTooLargeError('The body has 4 bytes; the limit is 3.'),
    );
  });

  it('reads a lone surrogate as its UTF-8 bytes give it back: U+FFFD', () => {
    const request = fromHttpApi('a\ud800b');
    expect(readBodyText(request, 100)).toBe('a\ufffdb');
    expect(() => readBodyText(fromHttpApi('\ud800'), 2)).toThrow(
      new PayloadTooLargeError('The body has 3 bytes; the limit is 2.'),
    );
  });

  it('decodes a base64 body, checking its decoded size first', () => {
    const encoded = Buffer.from('{"a":1}').toString('base64');
    expect(readBodyText(fromHttpApi(encoded, true), 7)).toBe('{"a":1}');
    expect(() => readBodyText(fromHttpApi(encoded, true), 6)).toThrow(PayloadTooLargeError);
  });

  it('gives an empty text for no body, on a source with multi-value maps too', () => {
    const event = {
      requestContext: { elb: { targetGroupArn: 'arn:aws:elasticloadbalancing:target' } },
      httpMethod: 'POST',
      path: '/items',
      headers: {},
      body: '',
      isBase64Encoded: false,
    };
    expect(readBodyText(albSource.toRequest(event, lambdaContext(), {}), 0)).toBe('');
    expect(
      readBodyText(albSource.toRequest({ ...event, body: 'ok' }, lambdaContext(), {}), 2),
    ).toBe('ok');
  });

  it('reads the bytes of a request made by hand', () => {
    expect(readBodyText(request('{"a":1}'), 100)).toBe('{"a":1}');
    expect(readBodyText(request(undefined), 0)).toBe('');
    expect(() => readBodyText(request('12345'), 4)).toThrow(PayloadTooLargeError);
  });
});
