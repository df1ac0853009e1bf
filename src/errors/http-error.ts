import { reasonPhrase } from '../http/status';

/** Extra data for an `HttpError`. */
export interface HttpErrorOptions {
  /** The error that led to this one; logged for 5xx, never sent. */
  readonly cause?: unknown;
  /** Members added to the problem body, e.g. `{ balance: 30 }` (RFC 9457 §3.2). */
  readonly extensions?: Readonly<Record<string, unknown>>;
  /** Response headers, e.g. `{ 'retry-after': '5' }` for a 503 or 429. */
  readonly headers?: Readonly<Record<string, string>>;
  /** A URI identifying the problem type. @defaultValue `'about:blank'` */
  readonly type?: string;
  /** Send `detail` even for a 5xx status. @defaultValue `status < 500` */
  readonly expose?: boolean;
}

/**
 * An error that becomes an RFC 9457 `application/problem+json` response with its status. Throw
 * it (or a subclass such as `NotFoundError`) from a controller method.
 *
 * Client errors (4xx) send their `detail`; server errors (5xx) send only their title unless
 * `expose` is set, so internal messages do not leak.
 *
 * @param status - An HTTP status from 400 to 599.
 * @param title - Short summary; defaults to the status's reason phrase.
 * @param detail - Explanation specific to this occurrence.
 * @example
 * ```ts
 * throw new HttpError(402, 'Payment required', 'Your balance is 30, the item costs 50.');
 * ```
 */
export class HttpError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly type: string;
  readonly expose: boolean;
  readonly extensions: Readonly<Record<string, unknown>>;
  readonly headers: Readonly<Record<string, string>>;

  constructor(status: number, title?: string, detail?: string, options: HttpErrorOptions = {}) {
    super(detail ?? title ?? reasonPhrase(status), { cause: options.cause });
    this.name = new.target.name;
    this.status = Number.isInteger(status) && status >= 400 && status <= 599 ? status : 500;
    this.title = title ?? reasonPhrase(this.status);
    this.detail = detail;
    this.type = options.type ?? 'about:blank';
    this.expose = options.expose ?? this.status < 500;
    this.extensions = options.extensions ?? {};
    this.headers = options.headers ?? {};
  }
}

/** The base of the fixed-status subclasses: `new NotFoundError(detail?, options?)`. */
function withStatus(status: number) {
  return class extends HttpError {
    constructor(detail?: string, options?: HttpErrorOptions) {
      super(status, undefined, detail, options);
    }
  };
}

/** 400: the request is malformed. */
export class BadRequestError extends withStatus(400) {}
/** 401: authentication is missing or invalid. */
export class UnauthorizedError extends withStatus(401) {}
/** 403: the caller may not do this. */
export class ForbiddenError extends withStatus(403) {}
/** 404: no such resource. */
export class NotFoundError extends withStatus(404) {}
/** 405: the resource exists but not for this method. */
export class MethodNotAllowedError extends withStatus(405) {}
/** 409: the request conflicts with the resource's state. */
export class ConflictError extends withStatus(409) {}
/** 410: the resource is gone for good. */
export class GoneError extends withStatus(410) {}
/** 413: the body is larger than allowed. */
export class PayloadTooLargeError extends withStatus(413) {}
/** 415: the body's media type is not accepted. */
export class UnsupportedMediaTypeError extends withStatus(415) {}
/** 422: the body is well-formed but cannot be processed. */
export class UnprocessableEntityError extends withStatus(422) {}
/** 429: too many requests; pass `headers: { 'retry-after': '…' }`. */
export class TooManyRequestsError extends withStatus(429) {}
/** 500: an internal error, with a generic body. */
export class InternalServerError extends withStatus(500) {}
/** 501: not implemented. */
export class NotImplementedError extends withStatus(501) {}
/** 503: temporarily unavailable; pass `headers: { 'retry-after': '…' }`. */
export class ServiceUnavailableError extends withStatus(503) {}
/** 504: an upstream did not answer in time. */
export class GatewayTimeoutError extends withStatus(504) {}
