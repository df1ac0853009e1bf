import {
  BadRequestError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
} from '../errors/http-error';
import { withoutStack } from '../errors/without-stack';
import { quoteInput } from '../http/echo-input';
import { headerOf, type LambdaHttpRequest } from '../http/request';

/** `application/json` and `application/<anything>+json`, parameters (charset) allowed. */
export function isJsonMediaType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const type = (contentType.split(';', 1)[0] ?? '').trim().toLowerCase();
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

/** @throws PayloadTooLargeError when the body has more than `maxBytes` bytes. */
export function assertBodySize(request: LambdaHttpRequest, maxBytes: number): void {
  const size = request.body?.byteLength ?? 0;
  if (size > maxBytes) {
    throw withoutStack(
      PayloadTooLargeError,
      `The body has ${size} bytes; the limit is ${maxBytes}.`,
    );
  }
}

/**
 * The text of a JSON body, ready to parse.
 *
 * @throws BadRequestError when there is no body; UnsupportedMediaTypeError when its
 * `content-type` is not JSON.
 */
export function readJsonText(request: LambdaHttpRequest): string {
  if (request.body === undefined || request.body.byteLength === 0) {
    throw withoutStack(BadRequestError, 'A JSON body is required.');
  }
  const contentType = headerOf(request, 'content-type');
  if (!isJsonMediaType(contentType)) {
    throw withoutStack(
      UnsupportedMediaTypeError,
      `The body must be application/json; got ${contentType === undefined ? 'no content-type' : quoteInput(contentType)}.`,
    );
  }
  return request.body.toString('utf8');
}
