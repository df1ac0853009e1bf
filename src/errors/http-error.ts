import { reasonPhrase } from '../http/status';

/**
 * Extra data for an `HttpError` and its subclasses.
 *
 * @example
 * ```ts
 * throw new ConflictError('Not enough balance.', { extensions: { balance: 30 }, cause: error });
 * ```
 */
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
    // Without a cause, no `cause` property, as with `new Error(message)`.
    const { cause } = options;
    super(detail ?? title ?? reasonPhrase(status), cause === undefined ? undefined : { cause });
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

/**
 * 400: the request is malformed.
 *
 * @example
 * ```ts
 * throw new BadRequestError('limit must be from 1 to 100.');
 * ```
 */
export class BadRequestError extends withStatus(400) {}
/**
 * 401: authentication is missing or invalid.
 *
 * @example
 * ```ts
 * throw new UnauthorizedError('The token has expired.');
 * ```
 */
export class UnauthorizedError extends withStatus(401) {}
/**
 * 403: the caller may not do this.
 *
 * @example
 * ```ts
 * throw new ForbiddenError('Only the owner may delete a note.');
 * ```
 */
export class ForbiddenError extends withStatus(403) {}
/**
 * 404: no such resource.
 *
 * @example
 * ```ts
 * throw new NotFoundError(`No user ${id}.`);
 * ```
 */
export class NotFoundError extends withStatus(404) {}
/**
 * 405: the resource exists but not for this method.
 *
 * @example
 * ```ts
 * throw new MethodNotAllowedError('Archived notes are read-only.', { headers: { allow: 'GET' } });
 * ```
 */
export class MethodNotAllowedError extends withStatus(405) {}
/**
 * 409: the request conflicts with the resource's state.
 *
 * @example
 * ```ts
 * throw new ConflictError(`${email} is already registered.`);
 * ```
 */
export class ConflictError extends withStatus(409) {}
/**
 * 410: the resource is gone for good.
 *
 * @example
 * ```ts
 * throw new GoneError('This invitation was used.');
 * ```
 */
export class GoneError extends withStatus(410) {}
/**
 * 412: a precondition of the request (`If-Match`, `If-Unmodified-Since`) does not hold, e.g. the
 * client's copy is stale.
 *
 * @example
 * ```ts
 * throw new PreconditionFailedError('The user changed since you read it; read it again.');
 * ```
 */
export class PreconditionFailedError extends withStatus(412) {}
/**
 * 413: the body is larger than allowed.
 *
 * @example
 * ```ts
 * throw new PayloadTooLargeError('An avatar may have at most 1 MB.');
 * ```
 */
export class PayloadTooLargeError extends withStatus(413) {}
/**
 * 415: the body's media type is not accepted.
 *
 * @example
 * ```ts
 * throw new UnsupportedMediaTypeError('Send image/png or image/jpeg.');
 * ```
 */
export class UnsupportedMediaTypeError extends withStatus(415) {}
/**
 * 422: the body is well-formed but cannot be processed.
 *
 * @example
 * ```ts
 * throw new UnprocessableEntityError('The end date is before the start date.');
 * ```
 */
export class UnprocessableEntityError extends withStatus(422) {}
/**
 * 428: the request must be conditional (RFC 6585), e.g. a change without `If-Match`.
 *
 * @example
 * ```ts
 * throw new PreconditionRequiredError('Send If-Match with the ETag you read.');
 * ```
 */
export class PreconditionRequiredError extends withStatus(428) {}
/**
 * 429: too many requests; pass `headers: { 'retry-after': '…' }`.
 *
 * @example
 * ```ts
 * throw new TooManyRequestsError('Slow down.', { headers: { 'retry-after': '30' } });
 * ```
 */
export class TooManyRequestsError extends withStatus(429) {}
/**
 * 500: an internal error, with a generic body.
 *
 * @example
 * ```ts
 * throw new InternalServerError('Inconsistent index.', { cause: error });
 * ```
 */
export class InternalServerError extends withStatus(500) {}
/**
 * 501: not implemented.
 *
 * @example
 * ```ts
 * throw new NotImplementedError('Export to PDF is not available yet.');
 * ```
 */
export class NotImplementedError extends withStatus(501) {}
/**
 * 503: temporarily unavailable; pass `headers: { 'retry-after': '…' }`.
 *
 * @example
 * ```ts
 * throw new ServiceUnavailableError('The table is throttled.', { headers: { 'retry-after': '1' } });
 * ```
 */
export class ServiceUnavailableError extends withStatus(503) {}
/**
 * 504: an upstream did not answer in time.
 *
 * @example
 * ```ts
 * throw new GatewayTimeoutError('The payment service did not answer.');
 * ```
 */
export class GatewayTimeoutError extends withStatus(504) {}
