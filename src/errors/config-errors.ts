/**
 * Errors raised while loading `routes.js` or building the route table. They are configuration
 * mistakes, thrown at cold start so Lambda reports an init failure instead of a 500 per request.
 */

/**
 * A decorator was used where it cannot work (standard decorators, static methods, constructors).
 * Thrown while the class is defined, so the module that declares it fails to load.
 *
 * @example
 * ```ts
 * class Users {
 *   @Get('/users') static list() {} // DecoratorUsageError: routes must be instance methods
 * }
 * ```
 */
export class DecoratorUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecoratorUsageError';
  }
}

/**
 * The routes module is missing, fails to load, or lacks a usable `routes` export; or a controller
 * has no routes or cannot be constructed. Thrown at cold start, naming the file and export.
 *
 * @example
 * ```ts
 * createHandler([]); // RoutesModuleError: No controller classes were given.
 * ```
 */
export class RoutesModuleError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RoutesModuleError';
  }
}

/**
 * The decorators describe a route table that cannot work (collisions, bad templates, no DTO).
 * Thrown by `createHandler`, naming the class, the method and the routes involved.
 *
 * @example
 * ```ts
 * class Users {
 *   @Get('/users/{id}') one() {}
 *   @Get('/users/{userId}') two() {}
 * }
 * createHandler(Users); // RouteDefinitionError: Routes collide: GET /users/{userId} on Users.two and …
 * ```
 */
export class RouteDefinitionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RouteDefinitionError';
  }
}

/**
 * `createHandler` received options it cannot use.
 *
 * @example
 * ```ts
 * createHandler(Users, { maxBodyBytes: -1 }); // HandlerOptionsError: … must be a non-negative integer
 * ```
 */
export class HandlerOptionsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HandlerOptionsError';
  }
}
