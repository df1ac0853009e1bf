/**
 * Errors raised while loading `routes.js` or building the route table. They are configuration
 * mistakes, thrown at cold start so Lambda reports an init failure instead of a 500 per request.
 */

/** A decorator was used where it cannot work (standard decorators, static methods, constructors). */
export class DecoratorUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecoratorUsageError';
  }
}

/** The routes module is missing, fails to load, or lacks a usable `routes` export. */
export class RoutesModuleError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RoutesModuleError';
  }
}

/** The decorators describe a route table that cannot work (collisions, bad templates, no DTO). */
export class RouteDefinitionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RouteDefinitionError';
  }
}

/** `createHandler` received options it cannot use. */
export class HandlerOptionsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HandlerOptionsError';
  }
}
