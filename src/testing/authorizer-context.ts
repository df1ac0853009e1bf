import type { TestSource } from './test-request';

/**
 * A claim as a token carries it; the test client writes it as a string, as API Gateway does.
 *
 * @example
 * ```ts
 * const claims: Record<string, TestClaimValue> = { email_verified: true, amr: ['pwd', 'mfa'] };
 * ```
 */
export type TestClaimValue = string | number | boolean | readonly string[];

/**
 * The caller of a test request, written into the event where the source's authorizer writes it:
 *
 * | Source | Authorizer (default first) | Where |
 * | --- | --- | --- |
 * | `http-api` | `jwt`, `lambda`, `iam` | `requestContext.authorizer.jwt.{claims, scopes}`, `.lambda`, `.iam` |
 * | `http-api-v1` | `jwt` | `requestContext.authorizer.{claims, scopes}` |
 * | `rest` | `cognito`, `lambda` | `requestContext.authorizer.claims`; `.principalId` and the context beside it |
 * | `function-url` | `iam` | `requestContext.authorizer.iam` |
 * | `alb`, `alb-multi` | none | a load balancer passes no authorizer context |
 *
 * Claims are strings, as API Gateway passes them: a JWT authorizer writes a list as
 * `"[a b]"`, a Cognito one joins `cognito:groups` with commas.
 *
 * @example
 * ```ts
 * await client.get('/me', { principal: { subject: 'user-1', groups: ['admin'], scopes: ['users/read'] } });
 * ```
 */
export interface TestPrincipal {
  /** @defaultValue the source's first authorizer in the table */
  readonly authorizer?: 'jwt' | 'cognito' | 'lambda' | 'iam';
  /** The `sub` claim, the IAM caller's ARN, or a REST Lambda authorizer's `principalId`. */
  readonly subject?: string;
  /** More claims of the token (`jwt`, `cognito`). */
  readonly claims?: Readonly<Record<string, TestClaimValue>>;
  /** OAuth scopes (`jwt`, `cognito`). */
  readonly scopes?: readonly string[];
  /** Cognito groups, as the `cognito:groups` claim (`jwt`, `cognito`). */
  readonly groups?: readonly string[];
  /** A Lambda authorizer's context, or IAM caller fields (`accountId`, `userId`, ...). */
  readonly context?: Readonly<Record<string, string | number | boolean>>;
}

type Authorizer = NonNullable<TestPrincipal['authorizer']>;

const AUTHORIZERS: Readonly<Record<TestSource, readonly Authorizer[]>> = {
  'http-api': ['jwt', 'lambda', 'iam'],
  'http-api-v1': ['jwt'],
  rest: ['cognito', 'lambda'],
  'function-url': ['iam'],
  alb: [],
  'alb-multi': [],
};

const TEST_USER_ARN = 'arn:aws:iam::123456789012:user/test-user';

/** API Gateway hands every JWT claim over as a string; a list becomes `"[a b]"`. */
function jwtClaims(principal: TestPrincipal): Record<string, string> {
  const claims: Record<string, string> = {};
  if (principal.subject !== undefined) claims['sub'] = principal.subject;
  for (const [name, value] of Object.entries(principal.claims ?? {})) {
    claims[name] = Array.isArray(value) ? `[${value.join(' ')}]` : String(value);
  }
  if (principal.groups !== undefined) claims['cognito:groups'] = `[${principal.groups.join(' ')}]`;
  if (principal.scopes !== undefined) claims['scope'] = principal.scopes.join(' ');
  return claims;
}

/** A REST API Cognito authorizer: string claims, groups joined by commas, scopes in `scope`. */
function cognitoClaims(principal: TestPrincipal): Record<string, string> {
  const claims: Record<string, string> = {};
  if (principal.subject !== undefined) claims['sub'] = principal.subject;
  for (const [name, value] of Object.entries(principal.claims ?? {})) {
    claims[name] = Array.isArray(value) ? value.join(',') : String(value);
  }
  if (principal.groups !== undefined) claims['cognito:groups'] = principal.groups.join(',');
  if (principal.scopes !== undefined) claims['scope'] = principal.scopes.join(' ');
  return claims;
}

function iamCaller(principal: TestPrincipal): Record<string, unknown> {
  return {
    accessKey: 'ASIATESTACCESSKEY',
    accountId: '123456789012',
    callerId: 'AIDATESTCALLER',
    cognitoIdentity: null,
    principalOrgId: null,
    userArn: principal.subject ?? TEST_USER_ARN,
    userId: 'AIDATESTCALLER',
    ...principal.context,
  };
}

/**
 * `requestContext.authorizer` for `principal` on `source`, as API Gateway or Lambda writes it.
 *
 * @throws TypeError when the source has no such authorizer (a load balancer has none).
 */
export function authorizerContext(
  source: TestSource,
  principal: TestPrincipal,
): Record<string, unknown> {
  const allowed = AUTHORIZERS[source];
  const authorizer = principal.authorizer ?? allowed[0];
  if (authorizer === undefined || !allowed.includes(authorizer)) {
    const known = allowed.length === 0 ? 'none' : allowed.join(', ');
    throw new TypeError(
      `A ${source} event cannot carry a ${authorizer ?? 'principal'} authorizer context ` +
        `(the test client supports: ${known}).`,
    );
  }
  switch (authorizer) {
    case 'jwt': {
      const jwt = { claims: jwtClaims(principal), scopes: principal.scopes ?? null };
      return source === 'http-api' ? { jwt } : jwt;
    }
    case 'cognito':
      return { claims: cognitoClaims(principal) };
    case 'iam':
      return { iam: iamCaller(principal) };
    case 'lambda':
      return source === 'rest'
        ? {
            principalId: principal.subject ?? 'test-user',
            integrationLatency: 0,
            ...principal.context,
          }
        : { lambda: principal.context ?? null };
  }
}
