/** Where a function's controllers come from: the routes module and the export read from it. */
export interface RoutesOrigin {
  readonly file: string;
  readonly exportName: string;
}

type ErrorClass = new (message: string, options?: { cause?: unknown }) => Error;

// Cold-start errors that name a controller, with how to say the same thing naming where the
// controller was exported from. Kept beside the errors rather than on them: only the layer knows
// the file, and it learns it after createHandler has thrown.
const relocations = new WeakMap<Error, (at: string) => Error>();

/**
 * A cold-start error whose message names a controller. `message` receives `''`, or the origin
 * (` (export "routes" of /var/task/routes.js)`) when `withOrigin` asks for it: put it right
 * after the name of the controller or method.
 */
export function controllerError(
  ErrorType: ErrorClass,
  message: (at: string) => string,
  options?: { cause?: unknown },
): Error {
  const create = (at: string): Error => new ErrorType(message(at), options);
  const error = create('');
  relocations.set(error, create);
  return error;
}

/**
 * The same cold-start error, naming the file and export the controllers came from; anything else
 * (an error that names no controller, a thrown non-error) is returned as it is.
 */
export function withOrigin(error: unknown, origin: RoutesOrigin): unknown {
  const relocate = error instanceof Error ? relocations.get(error) : undefined;
  return relocate === undefined
    ? error
    : relocate(` (export ${JSON.stringify(origin.exportName)} of ${origin.file})`);
}
