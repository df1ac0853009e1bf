/** `requestContext.authorizer.jwt` of a payload 2.0 event, as an HTTP API JWT authorizer fills it. */
export interface JwtAuthorizerContext {
  readonly claims: Readonly<Record<string, string>>;
  /** The `scope` claim split on spaces; `null` when the token has none. */
  readonly scopes: readonly string[] | null;
}

function flatten(value: unknown): string {
  if (typeof value === 'string') return value;
  // API Gateway writes a list claim as `[a b]`: its items space-separated inside brackets.
  if (Array.isArray(value)) return `[${value.map(flatten).join(' ')}]`;
  // Nested objects have no documented form; JSON keeps them readable and unambiguous.
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}

/**
 * The claims and scopes of a verified token, as API Gateway passes them to the function: every
 * claim value a string (`1767225600`, `true`, `[admins editors]`).
 *
 * @param payload - The verified token's payload.
 * @returns The `jwt` object of `requestContext.authorizer`.
 * @example
 * jwtAuthorizerContext({ sub: 'u1', exp: 1767225600, scope: 'users/write' });
 * // { claims: { sub: 'u1', exp: '1767225600', scope: 'users/write' }, scopes: ['users/write'] }
 */
export function jwtAuthorizerContext(
  payload: Readonly<Record<string, unknown>>,
): JwtAuthorizerContext {
  const claims: Record<string, string> = Object.create(null);
  for (const [name, value] of Object.entries(payload)) {
    if (value !== null && value !== undefined) claims[name] = flatten(value);
  }
  const scope = payload['scope'];
  const scopes =
    typeof scope === 'string' ? scope.split(' ').filter((item) => item !== '') : undefined;
  return {
    claims: { ...claims },
    scopes: scopes === undefined || scopes.length === 0 ? null : scopes,
  };
}
