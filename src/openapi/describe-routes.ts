import type { PathSegment } from '../routing/path-pattern';
import { servedRoutesOf } from '../routing/served-routes';

/**
 * One route a handler serves: its method, its template, and the template's parsed segments.
 *
 * @example
 * ```ts
 * const route: RouteDescription = { method: 'GET', path: '/users/{id}', segments, authorization: null };
 * ```
 */
export interface RouteDescription {
  readonly method: string;
  /** The template as declared, e.g. `/users/{id}`. */
  readonly path: string;
  readonly segments: readonly PathSegment[];
  /** What `@Authorized` requires of the caller; `null` for a public route. */
  readonly authorization: {
    readonly scopes: readonly string[];
    readonly groups: readonly string[];
    readonly match: 'all' | 'any';
  } | null;
}

/**
 * The routes `handler` serves, read from the table it built (no controller is constructed and
 * no template parsed again): for tools that declare the same routes elsewhere, such as an API
 * Gateway emulation or a route manifest.
 *
 * @param handler - A handler made by `createHandler`.
 * @returns One description per route, in the table's order.
 * @throws TypeError when `handler` was not made by `createHandler`.
 * @example
 * ```ts
 * const keys = describeRoutes(handler).map((route) => `${route.method} ${route.path}`);
 * ```
 */
export function describeRoutes(handler: unknown): RouteDescription[] {
  const served = servedRoutesOf(handler);
  if (served === undefined)
    throw new TypeError('describeRoutes takes a handler made by createHandler.');
  return served.routes.map(({ method, path, segments, access }) => ({
    method,
    path,
    segments,
    authorization:
      access === undefined
        ? null
        : { scopes: [...access.scopes], groups: [...access.groups], match: access.match },
  }));
}
