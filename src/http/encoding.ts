import { isUtf8 } from 'node:buffer';

/** Characters that may stay literal in an encoded path (RFC 3986 `pchar` plus `/`). */
const PATH_SAFE_TEXT = /^[A-Za-z0-9\-._~!$&'()*+,;=:@/]*$/;
const PATH_SAFE_BYTES = new Set(
  Array.from(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/",
    (c) => c.charCodeAt(0),
  ),
);
/**
 * Percent-decodes `text`, keeping every malformed escape or invalid UTF-8 sequence as the original
 * text. Never throws.
 *
 * @param text - Percent-encoded text, e.g. a query value or one path segment.
 * @returns The decoded text; `"%E0%A4%A"` stays `"%E0%A4%A"`, `"%C3%A9%FF"` becomes `"é%FF"`.
 */
export function tryDecode(text: string): string {
  let percent = text.indexOf('%');
  if (percent === -1) return text;
  if (escapesOnlyAscii(text, percent)) return decodeURIComponent(text);
  // One pass, no exceptions: decodeURIComponent throws at the first bad escape, and catching a
  // throw per escape made a megabyte of `%C3` cost seconds of CPU.
  let decoded = '';
  let copied = 0;
  while (percent !== -1) {
    const count = readEscapeRun(text, percent);
    if (count === 0) {
      percent = text.indexOf('%', percent + 1);
      continue;
    }
    decoded += text.slice(copied, percent) + decodeRun(text, percent, count);
    copied = percent + count * 3;
    percent = text.indexOf('%', copied);
  }
  return decoded + text.slice(copied);
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
 * A Lambda event `body` that is already the text its bytes decode to: a non-empty string, not
 * base64, and well formed. A lone surrogate would come back from its UTF-8 bytes as U+FFFD, so
 * such a body is read through {@link decodeBody} like a base64 one.
 *
 * @returns The text, or `undefined` when there is no body or it must be read as bytes.
 */
export function textBody(body: unknown, isBase64Encoded: unknown): string | undefined {
  return typeof body === 'string' && body !== '' && isBase64Encoded !== true && body.isWellFormed()
    ? body
    : undefined;
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

/**
 * Whether every `%` from `percent` on starts an escape of an ASCII byte (`%00`–`%7F`): then
 * `decodeURIComponent` cannot throw, and the common case stays in native code.
 */
function escapesOnlyAscii(text: string, percent: number): boolean {
  for (let at = percent; at !== -1; at = text.indexOf('%', at + 3)) {
    const byte = hexPairAt(text, at + 1);
    if (byte === -1 || byte > 0x7f) return false;
  }
  return true;
}

/** Reused across calls: a run of escapes is decoded from here without allocating per run. */
let scratch = Buffer.allocUnsafe(256);

/** Reads the bytes of the escapes starting at `index` into `scratch`; returns how many. */
function readEscapeRun(text: string, index: number): number {
  let count = 0;
  for (
    let byte = hexPairAt(text, index + 1);
    byte !== -1;
    byte = hexPairAt(text, index + count * 3 + 1)
  ) {
    if (count === scratch.length) {
      const larger = Buffer.allocUnsafe(scratch.length * 2);
      scratch.copy(larger);
      scratch = larger;
    }
    scratch[count] = byte;
    count += 1;
  }
  return count;
}

/**
 * Decodes the `count` escaped bytes in `scratch`: valid UTF-8 characters become text; a byte that
 * starts none stays as its three original characters (`%ff` keeps its case), where
 * `decodeURIComponent` would refuse the whole text.
 */
function decodeRun(text: string, start: number, count: number): string {
  if (isUtf8(scratch.subarray(0, count))) return scratch.toString('utf8', 0, count);
  let decoded = '';
  let kept = 0;
  let at = 0;
  while (at < count) {
    const length = characterLengthAt(scratch, at, count);
    if (length === 0) {
      at += 1;
      continue;
    }
    // Undecodable bytes before this character stay as the text they came as, in one slice.
    decoded +=
      text.slice(start + kept * 3, start + at * 3) + scratch.toString('utf8', at, at + length);
    at += length;
    kept = at;
  }
  return decoded + text.slice(start + kept * 3, start + count * 3);
}

/** The length of the well-formed UTF-8 character at `at`, or 0 when none starts there. */
function characterLengthAt(bytes: Buffer, at: number, end: number): number {
  const length = sequenceLength(bytes[at] as number);
  if (length <= 1) return length;
  if (at + length > end) return 0;
  for (let next = at + 1; next < at + length; next += 1) {
    if (((bytes[next] as number) & 0xc0) !== 0x80) return 0;
  }
  // Overlong forms, surrogates and code points past U+10FFFF pass the checks above.
  return isUtf8(bytes.subarray(at, at + length)) ? length : 0;
}

/**
 * How many bytes a UTF-8 character starting with `lead` claims (RFC 3629 §3); 0 for a byte that
 * cannot start one.
 */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

const HEX_VALUES = new Int8Array(128).fill(-1);
for (const [index, digit] of [...'0123456789abcdef'].entries()) {
  HEX_VALUES[digit.charCodeAt(0)] = index;
  HEX_VALUES[digit.toUpperCase().charCodeAt(0)] = index;
}

/** The byte written as two hex digits at `index` (after a `%`), or -1. */
function hexPairAt(text: string, index: number): number {
  if (text.charCodeAt(index - 1) !== 0x25) return -1;
  const high = HEX_VALUES[text.charCodeAt(index)] ?? -1;
  const low = HEX_VALUES[text.charCodeAt(index + 1)] ?? -1;
  return high === -1 || low === -1 ? -1 : high * 16 + low;
}
