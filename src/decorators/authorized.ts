import { DecoratorUsageError } from '../errors/config-errors';
import type { AccessRequirement } from '../metadata/records';
import { getMetadataStore } from '../metadata/store';
import { decorationSite } from './decoration-site';
import { assertLegacyDecorator } from './legacy-guard';

/**
 * What `@Authorized` requires of the caller's principal.
 *
 * @example
 * ```ts
 * const editors: AuthorizedOptions = { groups: ['editors', 'admin'], match: 'any' };
 * ```
 */
export interface AuthorizedOptions {
  /** OAuth scopes the principal must hold (`users:write`). */
  readonly scopes?: readonly string[];
  /** Groups the principal must belong to (Cognito groups, or what the authorizer gives). */
  readonly groups?: readonly string[];
  /**
   * `all`: every scope and every group listed; `any`: at least one of them.
   * @defaultValue 'all'
   */
  readonly match?: 'all' | 'any';
}

const KNOWN_OPTIONS = new Set(['scopes', 'groups', 'match']);

/** One `@Authorized` or `@Public` per class or method: two would leave the reader guessing. */
function assertFirstAccess(owner: object, propertyKey: string | symbol | undefined, where: string) {
  const existing = getMetadataStore()
    .get(owner)
    ?.access.find((record) => record.propertyKey === propertyKey);
  if (existing === undefined) return;
  throw new DecoratorUsageError(
    `${where} has both @${existing.kind === 'public' ? 'Public' : 'Authorized'}() and another ` +
      '@Authorized() or @Public(); keep one.',
  );
}

function nameList(value: unknown, option: string, where: string): readonly string[] {
  if (value === undefined) return [];
  // A scope is one word of a space-separated `scope` claim, so it cannot hold a space itself.
  const valid =
    Array.isArray(value) &&
    value.every(
      (item) =>
        typeof item === 'string' && item !== '' && (option !== 'scopes' || !/\s/.test(item)),
    );
  if (!valid) {
    throw new DecoratorUsageError(
      `@Authorized() on ${where}: ${option} must be an array of non-empty strings` +
        `${option === 'scopes' ? ' without spaces' : ''}; got ${JSON.stringify(value)}.`,
    );
  }
  return Object.freeze([...(value as string[])]);
}

function requirementOf(options: unknown, where: string): AccessRequirement {
  if (options === undefined) return { scopes: [], groups: [], match: 'all' };
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new DecoratorUsageError(
      `@Authorized() on ${where}: expected an options object; got ${JSON.stringify(options)}.`,
    );
  }
  const unknown = Object.keys(options).filter((key) => !KNOWN_OPTIONS.has(key));
  if (unknown.length > 0) {
    throw new DecoratorUsageError(
      `@Authorized() on ${where}: unknown option ${JSON.stringify(unknown)}; known: scopes, groups, match.`,
    );
  }
  const { scopes, groups, match = 'all' } = options as AuthorizedOptions;
  if (match !== 'all' && match !== 'any') {
    throw new DecoratorUsageError(
      `@Authorized() on ${where}: match must be "all" or "any"; got ${JSON.stringify(match)}.`,
    );
  }
  return Object.freeze({
    scopes: nameList(scopes, 'scopes', where),
    groups: nameList(groups, 'groups', where),
    match,
  });
}

/**
 * Admits only callers with a principal (401 otherwise) holding the scopes and groups listed
 * (403 otherwise, naming what is missing). On a class it covers every route of the class and its
 * subclasses; on a method it replaces the class's requirement for that route.
 *
 * @param options - Scopes and groups required, and whether all or any of them suffice.
 * @returns A decorator for a controller class or a route method.
 * @throws DecoratorUsageError for options that are not as documented.
 * @example
 * ```ts
 * @Authorized({ scopes: ['users:write'] })
 * class AdminController {
 *   @Delete('/users/{id}') remove(@Param('id') id: string) { ... }
 * }
 * ```
 */
export function Authorized(options?: AuthorizedOptions): ClassDecorator & MethodDecorator {
  return (target: object, propertyKey?: string | symbol): void => {
    assertLegacyDecorator('Authorized', [target, propertyKey]);
    const { owner, where } = decorationSite(target, propertyKey);
    if (propertyKey !== undefined && typeof target === 'function') {
      throw new DecoratorUsageError(
        `@Authorized() on static method ${where}: only route methods are authorized.`,
      );
    }
    const requirement = requirementOf(options, where);
    assertFirstAccess(owner, propertyKey, where);
    getMetadataStore().addAccess(owner, { kind: 'authorized', propertyKey, requirement });
  };
}

/**
 * Opens one route of a class under `@Authorized` to every caller. Guards still run.
 *
 * @returns A method decorator.
 * @throws DecoratorUsageError on a class or a static method.
 * @example
 * ```ts
 * @Authorized()
 * class UsersController {
 *   @Post('/users') @Public() signUp(@Body() user: CreateUserDto) { ... }
 * }
 * ```
 */
export function Public(): MethodDecorator {
  return (target: object, propertyKey?: string | symbol): void => {
    assertLegacyDecorator('Public', [target, propertyKey]);
    if (propertyKey === undefined || typeof target === 'function') {
      throw new DecoratorUsageError(
        `@Public() on ${decorationSite(target, propertyKey).where}: it goes on a route method, to lift the ` +
          "class's @Authorized for that route.",
      );
    }
    assertFirstAccess(target.constructor, propertyKey, decorationSite(target, propertyKey).where);
    getMetadataStore().addAccess(target.constructor, { kind: 'public', propertyKey });
  };
}
