import type { LambdaHttpRequest } from '../http/request';

/**
 * Who is calling, as the authorizer in front of the function (or the function itself) verified
 * it.
 *
 * @example
 * ```ts
 * const admin = (principal: Principal | undefined) => principal?.groups.includes('admin') ?? false;
 * ```
 */
export interface Principal {
  readonly source: 'jwt' | 'cognito' | 'lambda-authorizer' | 'iam' | 'alb-oidc' | 'verified-jwt';
  readonly subject?: string;
  readonly claims: Readonly<Record<string, unknown>>;
  readonly scopes: readonly string[];
  readonly groups: readonly string[];
  readonly context: Readonly<Record<string, unknown>>;
}

/** The principal of a request, built at most once per request and only when asked for. */
export function principalOf(_request: LambdaHttpRequest): Principal | undefined {
  return undefined;
}
