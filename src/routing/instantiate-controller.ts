import { RoutesModuleError } from '../errors/config-errors';
import { messageOf } from '../errors/message-of';
import { controllerError } from '../errors/routes-origin';
import type { Controller } from './route-table';

/**
 * Makes the one instance of a controller class that serves its routes: `createHandler` calls it
 * once per class, when the handler is created. Return an instance of exactly that class (or a
 * subclass), built with whatever collaborators it needs.
 *
 * @example
 * ```ts
 * const resolve: ControllerResolver = (Controller) =>
 *   Controller === UsersController ? new UsersController(repository) : new Controller();
 * ```
 */
export type ControllerResolver = (controller: Controller) => object;

/** What a value is, for an error message: its class name, `null`, or its type. */
function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  const name: unknown = Reflect.get(value.constructor ?? {}, 'name');
  return typeof name === 'string' && name !== '' ? `an instance of ${name}` : 'an object';
}

/**
 * The controller's instance: `new controller()`, or what `resolve` returns for it.
 *
 * @throws RoutesModuleError naming the class when construction or `resolve` throws (with the
 * error as `cause`), or when `resolve` answers something that is not an instance of the class.
 */
export function instantiateController(
  controller: Controller,
  resolve: ControllerResolver | undefined,
): object {
  let instance: unknown;
  try {
    instance = resolve === undefined ? new controller() : resolve(controller);
  } catch (error) {
    const what = resolve === undefined ? 'Constructing controller' : 'Resolving controller';
    const detail = resolve === undefined ? '' : ` in the resolve option: ${messageOf(error)}`;
    throw controllerError(
      RoutesModuleError,
      (at) => `${what} ${controller.name}${at} failed${detail}.`,
      { cause: error },
    );
  }
  // A promise (an async container) or a different class would fail later, on every request;
  // refusing it here makes it a cold-start error instead.
  if (!(instance instanceof controller)) {
    throw controllerError(
      RoutesModuleError,
      (at) =>
        `The resolve option returned ${describeValue(instance)} for controller ` +
        `${controller.name}${at}; it must return an instance of ${controller.name}.`,
    );
  }
  return instance;
}
