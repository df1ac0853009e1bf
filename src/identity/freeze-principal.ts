import type { EventRecord } from '../events/event-fields';
import type { Principal } from './principal';

/**
 * A frozen copy of an event map. Spreading defines own properties, so a `__proto__` key parsed from
 * JSON stays data and never reaches a prototype; the copy keeps the caller's event untouched.
 *
 * @param record - A map read from the event.
 * @returns A frozen shallow copy.
 */
export function frozenCopy(record: EventRecord): Readonly<Record<string, unknown>> {
  return Object.freeze({ ...record });
}

/** One shared empty map for the principals a source gives no claims or context. */
export const NOTHING: Readonly<Record<string, unknown>> = Object.freeze({});

/** One shared empty list for the principals a source gives no scopes or groups. */
export const NO_ITEMS: readonly string[] = Object.freeze([]);

/** What a source reads; `subject` may be `undefined`, which the principal leaves out. */
export type PrincipalParts = Omit<Principal, 'subject'> & { readonly subject: string | undefined };

/**
 * Freezes a principal, leaving out an unknown subject rather than setting it to `undefined`.
 *
 * @param parts - What the source read.
 * @returns The principal.
 */
export function freezePrincipal({ subject, ...rest }: PrincipalParts): Principal {
  return Object.freeze(subject === undefined ? rest : { ...rest, subject });
}
