import {
  BadRequestError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
} from '../errors/http-error';
import { withoutStack } from '../errors/without-stack';
import { quoteInput } from '../http/echo-input';
import { eventBodyTextOf, headerOf, type LambdaHttpRequest } from '../http/request';

/** `application/json` and `application/<anything>+json`, parameters (charset) allowed. */
export function isJsonMediaType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  if (contentType === 'application/json') return true;
  const type = (contentType.split(';', 1)[0] ?? '').trim().toLowerCase();
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

function refuseSize(size: number, maxBytes: number): void {
  if (size > maxBytes) {
    throw withoutStack(
      PayloadTooLargeError,
      `The body has ${size} bytes; the limit is ${maxBytes}.`,
    );
  }
}

/** @throws PayloadTooLargeError when the body has more than `maxBytes` bytes. */
export function assertBodySize(request: LambdaHttpRequest, maxBytes: number): void {
  refuseSize(request.body?.byteLength ?? 0, maxBytes);
}

/**
 * The body as UTF-8 text, `''` for none. Its size is checked before any of it is decoded; an
 * event that carries the body as text gives it as it is.
 *
 * @throws PayloadTooLargeError when the body has more than `maxBytes` bytes.
 */
export function readBodyText(request: LambdaHttpRequest, maxBytes: number): string {
  const text = eventBodyTextOf(request);
  if (text !== undefined) {
    refuseSize(Buffer.byteLength(text, 'utf8'), maxBytes);
    return text;
  }
  assertBodySize(request, maxBytes);
  return request.body?.toString('utf8') ?? '';
}

/**
 * The text of a JSON body, ready to parse.
 *
 * @throws PayloadTooLargeError when the body has more than `maxBytes` bytes; BadRequestError
 * when there is no body; UnsupportedMediaTypeError when its `content-type` is not JSON.
 */
export function readJsonText(request: LambdaHttpRequest, maxBytes: number): string {
  const text = readBodyText(request, maxBytes);
  if (text === '') throw withoutStack(BadRequestError, 'A JSON body is required.');
  const contentType = headerOf(request, 'content-type');
  if (!isJsonMediaType(contentType)) {
    throw withoutStack(
      UnsupportedMediaTypeError,
      `The body must be application/json; got ${contentType === undefined ? 'no content-type' : quoteInput(contentType)}.`,
    );
  }
  return text;
}
