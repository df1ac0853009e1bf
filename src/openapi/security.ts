import type { AccessRequirement } from '../metadata/records';
import type { RouteDefinition } from '../routing/route-table';
import type { OpenApiSecurityScheme } from './document-types';
import type { ProblemDoc } from './problem-responses';

/** The name of the one scheme routes under `@Authorized` refer to. */
export const BEARER_SCHEME = 'bearerAuth';

/** The bearer scheme, written to `components.securitySchemes` when a route is authorized. */
export const BEARER_SCHEME_OBJECT: OpenApiSecurityScheme = {
  type: 'http',
  scheme: 'bearer',
  bearerFormat: 'JWT',
  description:
    'A token the authorizer in front of the function verified (API Gateway JWT or Lambda ' +
    'authorizer, IAM, Cognito), or one the function verifies itself. Operations list the ' +
    'scopes and groups they need.',
};

/**
 * The operation's `security`: `[]` for a public route; for `@Authorized`, one alternative with
 * every scope and group under `all`, one alternative per scope or group under `any`. OpenAPI 3.1
 * lets a non-OAuth scheme list role names, which groups are.
 */
export function securityOf(
  requirement: AccessRequirement | undefined,
): Array<Record<string, string[]>> {
  if (requirement === undefined) return [];
  const names = [...requirement.scopes, ...requirement.groups];
  if (requirement.match === 'all' || names.length === 0) return [{ [BEARER_SCHEME]: names }];
  return names.map((name) => ({ [BEARER_SCHEME]: [name] }));
}

function describeRequirement({ scopes, groups, match }: AccessRequirement): string {
  const parts = [
    ...(scopes.length > 0 ? [`scope${scopes.length === 1 ? '' : 's'} ${scopes.join(', ')}`] : []),
    ...(groups.length > 0 ? [`group${groups.length === 1 ? '' : 's'} ${groups.join(', ')}`] : []),
  ];
  return match === 'all' ? parts.join(' and ') : `one of ${parts.join('; ')}`;
}

/** The 401 and 403 answers of `@Authorized` and `@UseGuards`, for the route's responses. */
export function accessProblems(route: RouteDefinition): Map<number, ProblemDoc> {
  const problems = new Map<number, ProblemDoc>();
  const { access, guards } = route;
  if (access !== undefined) {
    problems.set(401, {
      description:
        'No verified caller: no authorizer gave a principal, or the token was refused. ' +
        '`WWW-Authenticate` says how to authenticate.',
      headers: { 'WWW-Authenticate': 'The bearer challenge of RFC 6750.' },
    });
  }
  const needs = access === undefined ? [] : [access.scopes, access.groups].flat();
  const reasons = [
    ...(access !== undefined && needs.length > 0
      ? [`the caller lacks ${describeRequirement(access)} (\`detail\` names what is missing)`]
      : []),
    ...(guards.length > 0 ? ['a guard refused the request'] : []),
  ];
  if (reasons.length > 0)
    problems.set(403, { description: `Forbidden: ${reasons.join('; or ')}.` });
  return problems;
}
