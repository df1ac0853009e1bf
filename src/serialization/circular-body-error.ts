/**
 * A response body that refers back to itself: it has no JSON form. It is answered as a 500
 * problem and logged with the path where the cycle closes, instead of overflowing the stack.
 *
 * @example
 * ```ts
 * const node: { self?: unknown } = {};
 * node.self = node;
 * return node; // 500; the log names `$.self`
 * ```
 */
export class CircularBodyError extends Error {
  /** Where the cycle closes, as `$.items[0].parent`. */
  readonly path: string;

  constructor(path: string) {
    super(`The response body refers back to itself at ${path}; it cannot be sent as JSON.`);
    this.name = 'CircularBodyError';
    this.path = path;
  }
}
