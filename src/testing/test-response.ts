/**
 * What a function answered a test request, read from the source's result format.
 *
 * @example
 * ```ts
 * const response = await client.get('/users/1');
 * expect(response.status).toBe(200);
 * expect(response.json()).toEqual({ id: '1' });
 * ```
 */
export interface TestResponse {
  readonly status: number;
  /** The Lambda request id the request ran with, as logs and problem bodies carry it. */
  readonly requestId: string;
  /** Headers by lower-case name, repeated values joined with `, `; `set-cookie` is in `cookies`. */
  readonly headers: Readonly<Record<string, string>>;
  /** Every `Set-Cookie` value, in order. */
  readonly cookies: readonly string[];
  /** The body as text (decoded from base64 when the source carried it so). */
  readonly body: string;
  /** The body's bytes. */
  readonly bytes: Buffer;
  /**
   * The body parsed as JSON. The type argument is not checked: assert what matters.
   * @throws SyntaxError when the body is not JSON.
   */
  json<T = unknown>(): T;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  return Array.isArray(value) ? value.flatMap(strings) : [];
}

/**
 * Reads any source's result: payload 2.0 (`cookies`), payload 1.0 and load balancers
 * (`headers` and `multiValueHeaders`, `Set-Cookie` among them).
 *
 * @throws TypeError when the result is not an HTTP result.
 */
export function readResult(result: unknown, requestId: string): TestResponse {
  if (!isRecord(result) || typeof result['statusCode'] !== 'number') {
    throw new TypeError(`The handler answered ${JSON.stringify(result)}, not an HTTP result.`);
  }
  const values = new Map<string, string[]>();
  const add = (map: unknown) => {
    if (!isRecord(map)) return;
    for (const [name, value] of Object.entries(map)) {
      const lower = name.toLowerCase();
      values.set(lower, [...(values.get(lower) ?? []), ...strings(value)]);
    }
  };
  add(result['headers']);
  add(result['multiValueHeaders']);
  const cookies = [...strings(result['cookies']), ...(values.get('set-cookie') ?? [])];
  values.delete('set-cookie');
  const raw = typeof result['body'] === 'string' ? result['body'] : '';
  const bytes = Buffer.from(raw, result['isBase64Encoded'] === true ? 'base64' : 'utf8');
  const body = bytes.toString('utf8');
  return {
    status: result['statusCode'],
    requestId,
    headers: Object.fromEntries([...values].map(([name, list]) => [name, list.join(', ')])),
    cookies,
    body,
    bytes,
    json: <T>() => JSON.parse(body) as T,
  };
}
