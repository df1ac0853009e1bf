// No decorators here: local tools load this file with Node's own type stripping.

/** The fields of a user, as the repository reads and writes them. */
export interface UserFields {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  /** ISO 8601 instant with milliseconds, in UTC. */
  readonly createdAt: string;
  /** The item's revision, for conditional writes; internal, never sent. */
  readonly version: number;
}

/** What the table holds for a user: the user plus its keys (see `db/table-definition.ts`). */
export interface UserItem extends UserFields {
  readonly pk: string;
  readonly gsi1pk: typeof USERS_PARTITION;
  readonly gsi1sk: string;
}

/** The one partition of the `by-created` index; only user items carry it, so the index is sparse. */
export const USERS_PARTITION = 'USER';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Whether `id` has the shape of the ids this API issues (lower-case UUIDs). */
export function isUserId(id: string): boolean {
  return UUID.test(id);
}

export function userKey(id: string): string {
  return `USER#${id}`;
}

/**
 * The key of the uniqueness item for an address. Lower-cased here, whatever the caller did, so
 * that `Ann@Example.com` and `ann@example.com` always collide.
 */
export function emailKey(email: string): string {
  return `EMAIL#${email.toLowerCase()}`;
}

/** The `by-created` sort key: creation time first, the id breaking ties within a millisecond. */
export function createdSortKey(user: Pick<UserFields, 'createdAt' | 'id'>): string {
  return `${user.createdAt}#${user.id}`;
}

export function toUserItem(user: UserFields): UserItem {
  return {
    pk: userKey(user.id),
    gsi1pk: USERS_PARTITION,
    gsi1sk: createdSortKey(user),
    id: user.id,
    name: user.name,
    email: user.email,
    createdAt: user.createdAt,
    version: user.version,
  };
}

/**
 * Reads a user back from an item, keeping only the user's fields; an item written before
 * versions existed is version 1.
 *
 * @throws when the item is not a user item; the table is ours, so that is a bug, not bad input.
 */
export function fromUserItem(item: Readonly<Record<string, unknown>>): UserFields {
  const { pk, id, name, email, createdAt, version = 1 } = item;
  if (
    typeof id !== 'string' ||
    typeof name !== 'string' ||
    typeof email !== 'string' ||
    typeof createdAt !== 'string' ||
    typeof version !== 'number'
  ) {
    throw new Error(`Item ${JSON.stringify(pk)} is not a user item`);
  }
  return { id, name, email, createdAt, version };
}
