// The shape of `routes.json`, shared by the repository's build and the `lambda-controllers build`
// command: plain TypeScript that Node's type stripping runs as it is.

/** One route of `routes.json`. `scopes` are what API Gateway's JWT authorizer checks. */
export interface ManifestRoute {
  /** `METHOD /template`, as API Gateway names a route. */
  readonly routeKey: string;
  /** `JWT` for a route under `@Authorized`, `NONE` for a public one. */
  readonly authorizationType: 'JWT' | 'NONE';
  readonly scopes: readonly string[];
  /** Checked by the function only: an API Gateway authorizer knows no groups. */
  readonly groups: readonly string[];
  /** `all` or `any` of the scopes and groups; API Gateway admits a token with any one scope. */
  readonly match: 'all' | 'any';
}

export interface RouteManifest {
  readonly function: string;
  readonly routes: readonly ManifestRoute[];
}

export interface DescribedRoute {
  readonly method: string;
  readonly path: string;
  readonly authorization: {
    readonly scopes: readonly string[];
    readonly groups: readonly string[];
    readonly match: 'all' | 'any';
  } | null;
}

/** The manifest's file name in each function's build folder. */
export const ROUTE_MANIFEST = 'routes.json';

/** The manifest of one function, routes sorted by key so the file changes only with the routes. */
export function routeManifest(name: string, routes: readonly DescribedRoute[]): RouteManifest {
  return {
    function: name,
    routes: routes
      .map(({ method, path, authorization }) => ({
        routeKey: `${method} ${path}`,
        authorizationType: authorization === null ? ('NONE' as const) : ('JWT' as const),
        scopes: authorization?.scopes ?? [],
        groups: authorization?.groups ?? [],
        match: authorization?.match ?? 'all',
      }))
      .sort((a, b) => (a.routeKey < b.routeKey ? -1 : a.routeKey > b.routeKey ? 1 : 0)),
  };
}
