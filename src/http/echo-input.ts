/**
 * How much of a client's own input an error detail or a log line repeats. A path, method or value
 * can be megabytes long; echoing it whole would turn a small request into a large answer.
 */
export const ECHO_LIMIT = 100;

/**
 * Cuts client input down to `limit` characters, saying how much was left out.
 *
 * @param text - Text that came from the request.
 * @param limit - The most characters kept.
 * @returns `text` itself when short enough, else its start and `… (N more characters)`.
 */
export function truncateInput(text: string, limit = ECHO_LIMIT): string {
  if (text.length <= limit) return text;
  // Never cut a surrogate pair in half: the rest of the problem body would not be valid UTF-8.
  const end = isHighSurrogate(text.charCodeAt(limit - 1)) ? limit - 1 : limit;
  return `${text.slice(0, end)}… (${text.length - end} more characters)`;
}

/**
 * {@link truncateInput}, then quoted as a JSON string, for messages that show a value.
 *
 * @param text - Text that came from the request.
 * @param limit - The most characters kept.
 * @returns The quoted, possibly shortened text.
 */
export function quoteInput(text: string, limit = ECHO_LIMIT): string {
  if (text.length <= limit) return JSON.stringify(text);
  const end = isHighSurrogate(text.charCodeAt(limit - 1)) ? limit - 1 : limit;
  return `${JSON.stringify(text.slice(0, end))}… (${text.length - end} more characters)`;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
