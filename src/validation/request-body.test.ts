import {
  BadRequestError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
} from '../errors/http-error';
import type { LambdaHttpRequest } from '../http/request';
import { lambdaContext } from '../test/support/lambda-context';
import { assertBodySize, isJsonMediaType, readJsonText } from './request-body';

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
    expect(readJsonText(request('{"a":1}', 'application/json'))).toBe('{"a":1}');
  });

  it.each([
    ['no body', undefined],
    ['an empty body', ''],
  ])('refuses %s with 400', (_label, body) => {
    expect(() => readJsonText(request(body, 'application/json'))).toThrow(BadRequestError);
  });

  it('refuses a body without a JSON content-type with 415, naming what came', () => {
    expect(() => readJsonText(request('{}'))).toThrow(
      new UnsupportedMediaTypeError('The body must be application/json; got no content-type.'),
    );
    expect(() => readJsonText(request('{}', 'text/plain'))).toThrow(
      new UnsupportedMediaTypeError('The body must be application/json; got "text/plain".'),
    );
  });
});
