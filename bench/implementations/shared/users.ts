// The tiny API every implementation serves: constant data, so the figures measure the framework
// and not a database. Each implementation calls these functions the way it would call a service.

// Type aliases, not interfaces: Powertools accepts a returned value only if its type is
// assignable to its JSON type, which needs an implicit index signature.
export type UserView = { readonly id: string; readonly name: string; readonly email: string };

export type NewUser = { readonly name: string; readonly email: string };

export type UserList = { readonly items: UserView[]; readonly nextCursor: null };

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

const USERS: readonly UserView[] = Array.from({ length: MAX_LIMIT }, (_, index) => ({
  id: `u-${index + 1}`,
  name: `User ${index + 1}`,
  email: `user${index + 1}@example.com`,
}));

export function findUser(id: string): UserView {
  return { id, name: 'Ada Lovelace', email: 'ada@example.com' };
}

export function listUsers(limit: number): UserList {
  return { items: USERS.slice(0, limit), nextCursor: null };
}

export function createUser(input: NewUser): UserView {
  return { id: 'u-new', name: input.name, email: input.email };
}

/** `?limit=` as the hand-written implementations read it: absent → 20, else an integer 1..100. */
export function parseLimit(raw: string | null | undefined): number | undefined {
  if (raw === undefined || raw === null) return DEFAULT_LIMIT;
  const limit = Number(raw);
  return /^\d+$/.test(raw) && limit >= 1 && limit <= MAX_LIMIT ? limit : undefined;
}

export type Checked =
  | { readonly ok: true; readonly value: NewUser }
  | { readonly ok: false; readonly errors: Readonly<Record<string, readonly string[]>> };

// The same rules as CreateUserDto (Length(1, 100), MaxLength(254), IsEmail, no other properties
// as with forbidNonWhitelisted), checked by hand the way a small handler would.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const FIELDS = new Set(['name', 'email']);

/** The hand check of a `POST /users` body that the floor and the peers use. */
export function checkNewUser(body: unknown): Checked {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, errors: { body: ['must be a JSON object'] } };
  }
  const errors: Record<string, string[]> = {};
  const name: unknown = Reflect.get(body, 'name');
  const email: unknown = Reflect.get(body, 'email');
  if (typeof name !== 'string' || name.length < 1 || name.length > 100) {
    errors['name'] = ['must be a string of 1 to 100 characters'];
  }
  if (typeof email !== 'string' || email.length > 254 || !EMAIL.test(email)) {
    errors['email'] = ['must be an email address'];
  }
  for (const key of Object.keys(body)) {
    if (!FIELDS.has(key)) errors[key] = ['should not exist'];
  }
  if (typeof name !== 'string' || typeof email !== 'string' || Object.keys(errors).length > 0) {
    return { ok: false, errors };
  }
  return { ok: true, value: { name, email } };
}

/** Parses a JSON body; `undefined` when it is not JSON. */
export function parseJson(text: string | null | undefined): unknown {
  if (text === undefined || text === null) return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    // A body that is not JSON is the client's mistake, answered with 400 by the caller.
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}
