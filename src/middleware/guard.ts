import type { RequestContext } from './middleware';

/**
 * A check that runs right before the method, inside all middleware and after `@Authorized`:
 * `false` answers 403; a guard may also throw an `HttpError` of its own (a 404 that hides a
 * resource, a 429).
 *
 * @example
 * ```ts
 * const ownerOnly: Guard = (ctx) => ctx.principal?.subject === ctx.request.headers['x-owner'];
 * ```
 */
export type Guard = (ctx: RequestContext) => boolean | Promise<boolean>;
