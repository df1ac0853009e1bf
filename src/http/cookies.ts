/**
 * Parses a `Cookie` request header into a map from cookie name to value.
 *
 * Values are kept exactly as sent: RFC 6265 defines no percent-encoding for cookie values, so
 * decoding would corrupt values that contain a literal `%`. When a name repeats, the first value
 * wins, because user agents list the cookie with the most specific path first (RFC 6265 §5.4).
 * Pieces without `=` or with an empty name are ignored.
 *
 * @param header - The merged `cookie` header, pairs separated by `;`.
 * @returns A null-prototype map from name to value; empty when `header` is `undefined`.
 */
export function parseCookieHeader(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = Object.create(null);
  if (header === undefined) return cookies;
  for (const piece of header.split(';')) {
    const equals = piece.indexOf('=');
    if (equals === -1) continue;
    const name = piece.slice(0, equals).trim();
    if (name === '' || Object.hasOwn(cookies, name)) continue;
    cookies[name] = piece.slice(equals + 1).trim();
  }
  return cookies;
}
