/**
 * A response ready to be written in any source's format. Header names are lower case; every
 * `Set-Cookie` lives in `cookies`, never in `headers`.
 */
export interface OutgoingResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, readonly string[]>>;
  readonly cookies: readonly string[];
  /** Text, or base64 when `isBase64Encoded` is true; `''` when there is no body. */
  readonly body: string;
  readonly isBase64Encoded: boolean;
}
