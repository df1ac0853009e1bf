/** A handler result for a payload 2.0 event, read back for assertions. */
export interface ApiResponse {
  readonly status: number;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** `body` parsed as JSON, or `undefined` when it is empty. */
  readonly json: unknown;
}

/**
 * Reads a payload 2.0 result (`statusCode`, `headers`, `body`, `isBase64Encoded`).
 *
 * @throws when the result does not have that shape, which is a framework bug worth failing on.
 */
export function toApiResponse(result: unknown): ApiResponse {
  if (typeof result !== 'object' || result === null) {
    throw new Error(`Not a handler result: ${JSON.stringify(result)}`);
  }
  const statusCode: unknown = Reflect.get(result, 'statusCode');
  const rawHeaders: unknown = Reflect.get(result, 'headers');
  const rawBody: unknown = Reflect.get(result, 'body');
  const base64: unknown = Reflect.get(result, 'isBase64Encoded');
  if (typeof statusCode !== 'number') throw new Error(`No statusCode in ${JSON.stringify(result)}`);
  const headers: Record<string, string> = {};
  if (typeof rawHeaders === 'object' && rawHeaders !== null) {
    for (const [name, value] of Object.entries(rawHeaders))
      headers[name.toLowerCase()] = String(value);
  }
  const text = typeof rawBody === 'string' ? rawBody : '';
  const body = base64 === true ? Buffer.from(text, 'base64').toString('utf8') : text;
  // NDJSON is many JSON texts, not one: its lines are read by who asked for it.
  const json =
    body === '' || (headers['content-type'] ?? '').startsWith('application/x-ndjson')
      ? undefined
      : JSON.parse(body);
  return { status: statusCode, headers, body, json };
}

/** A user as the API returns it. */
export interface UserBody {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly createdAt: string;
}

/** A `GET /users` body. */
export interface PageBody {
  readonly items: readonly UserBody[];
  readonly nextCursor: string | null;
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? Reflect.get(value, name) : undefined;
}

/**
 * Reads a user body.
 *
 * @throws when `json` is not exactly `{ id, name, email, createdAt }` with string values.
 */
export function userOf(json: unknown): UserBody {
  const [id, name, email, createdAt] = ['id', 'name', 'email', 'createdAt'].map((key) =>
    field(json, key),
  );
  const keys = typeof json === 'object' && json !== null ? Object.keys(json).sort().join() : '';
  if (
    keys !== 'createdAt,email,id,name' ||
    typeof id !== 'string' ||
    typeof name !== 'string' ||
    typeof email !== 'string' ||
    typeof createdAt !== 'string'
  ) {
    throw new Error(`Not a user body: ${JSON.stringify(json)}`);
  }
  return { id, name, email, createdAt };
}

/**
 * Reads a `GET /users` body.
 *
 * @throws when `json` is not `{ items: User[], nextCursor: string | null }`.
 */
export function pageOf(json: unknown): PageBody {
  const items = field(json, 'items');
  const nextCursor = field(json, 'nextCursor');
  if (!Array.isArray(items) || !(typeof nextCursor === 'string' || nextCursor === null)) {
    throw new Error(`Not a page body: ${JSON.stringify(json)}`);
  }
  return { items: items.map(userOf), nextCursor };
}

/**
 * The id in a 201's `Location: /users/{id}`.
 *
 * @throws when the header is missing or has another form.
 */
export function createdId(response: ApiResponse): string {
  const { location = '' } = response.headers;
  const match = /^\/users\/([^/]+)$/.exec(location);
  if (match?.[1] === undefined)
    throw new Error(`No user Location in ${JSON.stringify(response.headers)}`);
  return match[1];
}
