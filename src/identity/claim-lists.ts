import { own } from '../events/event-fields';

/**
 * Reads a claim that stands for a list. API Gateway hands claims over as strings: an HTTP API JWT
 * authorizer writes an array claim as `"[admin editors]"` (aws-solutions-library-samples PR #803),
 * a REST API Cognito authorizer joins `cognito:groups` with commas (aws/chalice #783). A real
 * array is kept too, in case a source ever passes one through.
 *
 * @param value - The claim's value.
 * @returns The list's non-empty items; `[]` for anything else.
 */
export function listClaim(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  if (typeof value !== 'string') return [];
  const bracketed = value.startsWith('[') && value.endsWith(']');
  const inner = bracketed ? value.slice(1, -1) : value;
  return inner.split(bracketed ? /\s+/ : /\s*,\s*/).filter((item) => item !== '');
}

/**
 * Reads the OAuth `scope` claim: one space-separated string (RFC 8693 §4.2), or an array.
 *
 * @param value - The claim's value.
 * @returns The scopes.
 */
export function scopeClaim(value: unknown): string[] {
  if (Array.isArray(value)) return listClaim(value);
  return typeof value === 'string' ? value.split(/\s+/).filter((scope) => scope !== '') : [];
}

/**
 * The groups of a Cognito token, which carries them in `cognito:groups`.
 *
 * @param claims - The token's claims.
 * @returns The group names.
 */
export function groupsOf(claims: unknown): string[] {
  return listClaim(own(claims, 'cognito:groups'));
}
