import { escapePath } from '../http/encoding';
import { RouteMatcher } from '../routing/matcher';
import type { RouteMatch } from './http-to-event';
import type { RouteKey } from './worker-protocol';

/**
 * The routes an HTTP API declares for the function (`GET /users/{id}`, ...), matched the way API
 * Gateway picks a route: the exact method (HEAD does not fall back to GET), the most specific
 * path. A request no route takes goes to the `$default` route.
 */
export class RouteKeys {
  readonly list: readonly RouteKey[];
  readonly #matcher = new RouteMatcher<RouteKey>();

  constructor(routes: readonly RouteKey[]) {
    this.list = routes;
    for (const route of routes) this.#matcher.add(route.method, route.segments, route);
  }

  /**
   * @param method - The request method.
   * @param path - The percent-decoded path without the stage prefix.
   * @returns The route key and its parameter values, or `undefined` for the `$default` route.
   */
  match(method: string, path: string): RouteMatch | undefined {
    // The matcher splits an encoded path, then decodes each segment: escaping first keeps a
    // literal % in a decoded path from being decoded twice.
    const found = this.#matcher.match(method, escapePath(path));
    if (found.kind !== 'found' || found.value.method !== method) return undefined;
    const names = Object.keys(found.params);
    return {
      routeKey: `${found.value.method} ${found.value.path}`,
      pathParameters: names.length === 0 ? undefined : { ...found.params },
    };
  }

  /** The table as the server prints it at start: one `METHOD /path` per line, methods aligned. */
  describe(): string[] {
    const width = this.list.reduce((widest, route) => Math.max(widest, route.method.length), 0);
    return this.list.map((route) => `${route.method.padEnd(width)} ${route.path}`);
  }
}
