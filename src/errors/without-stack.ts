/**
 * Makes an error the framework answers itself (a 400, 404, 405, 413 or 415 problem) without
 * capturing a stack: such an error is answered and never logged, and capturing the stack costs
 * more than building the rest of the answer. Its `stack` is its first line only.
 *
 * @param Type - The error class.
 * @param args - Its constructor's arguments.
 * @returns The error, as `new Type(...args)` would make it but for the stack.
 * @example
 * ```ts
 * throw withoutStack(BadRequestError, 'A JSON body is required.');
 * ```
 */
export function withoutStack<A extends unknown[], E extends Error>(
  Type: new (...args: A) => E,
  ...args: A
): E {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    // The arguments are the caller's few, fixed ones: never input-sized.
    return Reflect.construct(Type, args);
  } finally {
    Error.stackTraceLimit = limit;
  }
}
