/** Characters that may stay literal in an encoded path (RFC 3986 `pchar` plus `/`). */
const PATH_SAFE_TEXT = /^[A-Za-z0-9\-._~!$&'()*+,;=:@/]*$/;
const PATH_SAFE_BYTES = new Set(
  Array.from(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/",
    (c) => c.charCodeAt(0),
  ),
);
/** A UTF-8 character is at most four bytes, so a decodable run never needs more escapes. */
const MAX_ESCAPES_PER_CHARACTER = 4;

/**
 * Percent-decodes `text`, keeping every malformed escape or invalid UTF-8 sequence as the original
 * text. Never throws.
 *
 * @param text - Percent-encoded text, e.g. a query value or one path segment.
 * @returns The decoded text; `"%E0%A4%A"` stays `"%E0%A4%A"`, `"%C3%A9%FF"` becomes `"é%FF"`.
 */
export function tryDecode(text: string): string {
  if (!text.includes('%')) return text;
  return decodeStrictly(text) ?? decodeLeniently(text);
}

/**
 * Percent-decodes a form-urlencoded component: `+` means a space, then {@link tryDecode}.
 *
 * @param text - A query key or value as it appears in the URL.
 * @returns The decoded text.
 */
export function tryDecodeFormComponent(text: string): string {
  return tryDecode(text.replaceAll('+', ' '));
}

/**
 * Percent-encodes every character that cannot appear literally in an encoded path, including `%`
 * itself, so that decoding each segment afterwards gives back exactly `decodedPath`'s segments.
 * Lone surrogates become U+FFFD instead of throwing.
 *
 * @param decodedPath - A path some integration has already percent-decoded.
 * @returns The same path, percent-encoded.
 */
export function escapePath(decodedPath: string): string {
  if (PATH_SAFE_TEXT.test(decodedPath)) return decodedPath;
  let escaped = '';
  for (const byte of Buffer.from(decodedPath, 'utf8')) {
    escaped += PATH_SAFE_BYTES.has(byte)
      ? String.fromCharCode(byte)
      : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return escaped;
}

/**
 * Reads a Lambda event `body` into bytes.
 *
 * @param body - The event's `body`; anything but a non-empty string means "no body".
 * @param isBase64Encoded - The event's flag; only `true` decodes base64.
 * @returns The body bytes, or `undefined` when the request carries none.
 */
export function decodeBody(body: unknown, isBase64Encoded: unknown): Buffer | undefined {
  if (typeof body !== 'string' || body === '') return undefined;
  const bytes = isBase64Encoded === true ? Buffer.from(body, 'base64') : Buffer.from(body, 'utf8');
  return bytes.length === 0 ? undefined : bytes;
}

/**
 * Encodes bytes as standard base64 (with padding), as Lambda integrations expect when
 * `isBase64Encoded` is `true`.
 *
 * @param bytes - The bytes to encode.
 * @returns The base64 text.
 */
export function encodeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

function decodeStrictly(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch (_uriError) {
    // decodeURIComponent throws only URIError (a bad escape or invalid UTF-8). Converted to
    // "undecodable" on purpose: the caller then keeps that part of the text as it came.
    return undefined;
  }
}

/** Decodes escape by escape, keeping each escape that starts no valid UTF-8 character. */
function decodeLeniently(text: string): string {
  let decoded = '';
  let index = 0;
  while (index < text.length) {
    const run = countEscapes(text, index);
    if (run === 0) {
      decoded += text.charAt(index);
      index += 1;
      continue;
    }
    const character = decodeFirstCharacter(text, index, run);
    decoded += character?.text ?? text.slice(index, index + 3);
    index += character?.length ?? 3;
  }
  return decoded;
}

function decodeFirstCharacter(
  text: string,
  index: number,
  run: number,
): { text: string; length: number } | undefined {
  for (let escapes = 1; escapes <= run; escapes += 1) {
    const length = escapes * 3;
    const decoded = decodeStrictly(text.slice(index, index + length));
    if (decoded !== undefined) return { text: decoded, length };
  }
  return undefined;
}

function countEscapes(text: string, index: number): number {
  let count = 0;
  while (count < MAX_ESCAPES_PER_CHARACTER && isEscapeAt(text, index + count * 3)) count += 1;
  return count;
}

function isEscapeAt(text: string, index: number): boolean {
  return (
    text.charAt(index) === '%' && isHex(text.charAt(index + 1)) && isHex(text.charAt(index + 2))
  );
}

function isHex(character: string): boolean {
  return character !== '' && '0123456789abcdefABCDEF'.includes(character);
}
