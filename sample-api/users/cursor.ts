import { createHmac, timingSafeEqual } from 'node:crypto';

/** A DynamoDB key whose attributes are all strings, as every key of the users table is. */
export type StringKey = Readonly<Record<string, string>>;

/** What `CursorCodec` needs. */
export interface CursorCodecOptions {
  /**
   * Key material for the HMAC. Anyone who knows it can mint cursors, so set a random value
   * (`CURSOR_SECRET`) when forged cursors must be impossible, not just rejected when garbled.
   */
  readonly secret: string;
  /**
   * What the cursor is valid for, e.g. `"<table>/<index>"`. It is part of the MAC, so a cursor
   * minted for another table or index fails verification even if its key looks valid there.
   */
  readonly scope: string;
}

/** The cursor is not one this codec issued for its scope (garbled, truncated, forged, foreign). */
export class InvalidCursorError extends Error {
  constructor(reason: string, options?: { cause?: unknown }) {
    super(`The cursor is not valid: ${reason}`, options);
    this.name = 'InvalidCursorError';
  }
}

// Longer than any cursor we issue (a few hundred characters); checked first so a huge query
// string costs no hashing or decoding.
const MAX_TOKEN_LENGTH = 1024;
const MAC_BYTES = 16;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * Turns a DynamoDB `LastEvaluatedKey` into an opaque, tamper-evident token and back.
 *
 * The token is `base64url(JSON of the key) "." base64url(HMAC-SHA256(secret, scope, payload))`,
 * the MAC cut to 128 bits. Clients must treat it as opaque; the format may change.
 */
export class CursorCodec {
  readonly #secret: string;
  readonly #scope: string;

  constructor(options: CursorCodecOptions) {
    this.#secret = options.secret;
    this.#scope = options.scope;
  }

  encode(key: StringKey): string {
    const payload = Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
    return `${payload}.${this.#mac(payload).toString('base64url')}`;
  }

  /**
   * @throws InvalidCursorError unless the token is exactly one this codec issued for its scope.
   */
  decode(token: string): Record<string, string> {
    if (token.length === 0 || token.length > MAX_TOKEN_LENGTH) {
      throw new InvalidCursorError(`length ${token.length} is outside 1..${MAX_TOKEN_LENGTH}`);
    }
    const parts = token.split('.');
    const [payload, mac] = parts;
    if (parts.length !== 2 || payload === undefined || mac === undefined) {
      throw new InvalidCursorError('expected two dot-separated parts');
    }
    if (!BASE64URL.test(payload) || !BASE64URL.test(mac)) {
      throw new InvalidCursorError('not base64url');
    }
    // Node's base64url decoder skips stray characters; comparing the re-encoded MAC instead of
    // the bytes alone makes every altered character count.
    const given = Buffer.from(mac, 'base64url');
    const expected = this.#mac(payload);
    if (
      given.length !== expected.length ||
      !timingSafeEqual(given, expected) ||
      given.toString('base64url') !== mac
    ) {
      throw new InvalidCursorError('signature mismatch');
    }
    return parseKey(Buffer.from(payload, 'base64url').toString('utf8'));
  }

  #mac(payload: string): Buffer {
    return createHmac('sha256', this.#secret)
      .update(this.#scope)
      .update('\n')
      .update(payload)
      .digest()
      .subarray(0, MAC_BYTES);
  }
}

function parseKey(json: string): Record<string, string> {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    // Reachable only with the secret (the MAC matched), i.e. a bug or a leaked secret.
    throw new InvalidCursorError('payload is not JSON', { cause: error });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidCursorError('payload is not an object');
  }
  // A null prototype keeps a `__proto__` attribute an ordinary entry.
  const key: Record<string, string> = Object.create(null);
  for (const [name, attribute] of Object.entries(value)) {
    if (typeof attribute !== 'string') {
      throw new InvalidCursorError(`attribute ${JSON.stringify(name)} is not a string`);
    }
    key[name] = attribute;
  }
  return key;
}
