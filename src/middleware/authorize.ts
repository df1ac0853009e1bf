import { ForbiddenError, ServiceUnavailableError, UnauthorizedError } from '../errors/http-error';
import { refusalOf } from '../identity/principal';
import type { AccessRequirement } from '../metadata/records';
import type { Guard } from './guard';
import type { Middleware, RequestContext } from './middleware';

function quoteList(kind: string, names: readonly string[]): string {
  return `${kind}${names.length === 1 ? '' : 's'} ${names.join(', ')}`;
}

/**
 * 401 for a request with no principal, with the RFC 6750 challenge a client can act on; 503 when
 * its token could not be checked because the issuer's keys could not be fetched.
 */
function unauthenticated(ctx: RequestContext): UnauthorizedError | ServiceUnavailableError {
  const refusal = refusalOf(ctx.request);
  if (refusal === undefined) {
    return new UnauthorizedError('This route needs an authenticated caller.', {
      headers: { 'www-authenticate': 'Bearer' },
    });
  }
  if (refusal.keysUnavailable) {
    return new ServiceUnavailableError(
      'The token could not be checked: its keys are unavailable.',
      { cause: refusal.cause, expose: true },
    );
  }
  return new UnauthorizedError(`The token was refused: ${refusal.reason}`, {
    headers: {
      'www-authenticate': `Bearer error="invalid_token", error_description="${refusal.reason}"`,
    },
  });
}

/** 403 when the principal lacks what `@Authorized` asks for; `undefined` when it has it. */
function forbidden(
  ctx: RequestContext,
  requirement: AccessRequirement,
): ForbiddenError | undefined {
  const principal = ctx.principal;
  if (principal === undefined) return undefined;
  const { scopes, groups, match } = requirement;
  const missingScopes = scopes.filter((scope) => !principal.scopes.includes(scope));
  const missingGroups = groups.filter((group) => !principal.groups.includes(group));
  if (match === 'any') {
    const required = scopes.length + groups.length;
    const lacking = missingScopes.length + missingGroups.length;
    if (required === 0 || lacking < required) return undefined;
  } else if (missingScopes.length === 0 && missingGroups.length === 0) {
    return undefined;
  }
  const parts = [
    ...(missingScopes.length > 0 ? [quoteList('scope', missingScopes)] : []),
    ...(missingGroups.length > 0 ? [quoteList('group', missingGroups)] : []),
  ];
  const detail =
    match === 'any'
      ? `The caller has none of: ${parts.join('; ')}.`
      : `The caller lacks ${parts.join(' and ')}.`;
  // RFC 6750 §3.1: a token without the scope gets `insufficient_scope` with the scopes needed.
  const headers =
    missingScopes.length > 0
      ? {
          'www-authenticate': `Bearer error="insufficient_scope", scope="${scopes.join(' ')}"`,
        }
      : undefined;
  return new ForbiddenError(detail, headers === undefined ? {} : { headers });
}

/**
 * The step right before the method: `@Authorized`'s check, then the guards in order. `undefined`
 * when the route has neither, so it adds nothing to the request's path.
 *
 * @param requirement - What `@Authorized` requires; `undefined` for a public route.
 * @param guards - The route's guards, in the order they run.
 * @returns The step, as a middleware innermost in the route's chain.
 */
export function authorizationStep(
  requirement: AccessRequirement | undefined,
  guards: readonly Guard[],
): Middleware | undefined {
  if (requirement === undefined && guards.length === 0) return undefined;
  return async (ctx, next) => {
    if (requirement !== undefined) {
      if (ctx.principal === undefined) throw unauthenticated(ctx);
      const refused = forbidden(ctx, requirement);
      if (refused !== undefined) throw refused;
    }
    for (const guard of guards) {
      // Anything but `true` refuses: a guard that forgets to return must not open the route.
      if ((await guard(ctx)) !== true) {
        throw new ForbiddenError(
          `The request to ${ctx.route?.routeKey ?? ctx.request.path} was refused.`,
        );
      }
    }
    return next();
  };
}
