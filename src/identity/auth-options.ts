import { HandlerOptionsError } from '../errors/config-errors';

/**
 * A JSON Web Key Set, as an issuer publishes it at its `jwks_uri`.
 *
 * @example
 * ```ts
 * const keys: JsonWebKeySet = { keys: [{ kty: 'EC', crv: 'P-256', kid: 'k1', x: '…', y: '…' }] };
 * ```
 */
export interface JsonWebKeySet {
  readonly keys: readonly Readonly<Record<string, unknown>>[];
}

/**
 * Bearer tokens verified in the function, for sources with no authorizer in front (a function URL
 * with `AuthType NONE`, a load balancer without OIDC).
 *
 * @example
 * ```ts
 * const jwt: JwtAuthOptions = {
 *   issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Abc',
 *   audience: null, // Cognito access tokens carry `client_id`, not `aud`
 *   jwksUri: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Abc/.well-known/jwks.json',
 * };
 * ```
 */
export interface JwtAuthOptions {
  /** The exact `iss` a token must carry. */
  readonly issuer: string;
  /** The `aud` a token must carry (one of them for a list); `null` checks none. */
  readonly audience: string | readonly string[] | null;
  /** Where the issuer publishes its keys (`https:` only); fetched once per container. */
  readonly jwksUri?: string;
  /** The issuer's keys, given instead of `jwksUri`: nothing is fetched. */
  readonly keys?: JsonWebKeySet;
}

/**
 * The user claims an Application Load Balancer with OIDC authentication signs and sends in
 * `x-amzn-oidc-data`.
 *
 * @example
 * ```ts
 * const alb: AlbAuthOptions = {
 *   loadBalancerArn: 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/50dc6c495c0c9188',
 * };
 * ```
 */
export interface AlbAuthOptions {
  /** The load balancer that signs the tokens: a token whose `signer` differs is refused. */
  readonly loadBalancerArn: string;
  /** The OIDC client id the load balancer authenticates for; checked when given. */
  readonly clientId?: string;
  /** The identity provider's `iss`; checked when given. */
  readonly issuer?: string;
  /**
   * The load balancer's public key (PEM) for a key id. @defaultValue fetched from the region's
   * `https://public-keys.auth.elb.<region>.amazonaws.com/<kid>` and cached
   */
  readonly publicKey?: (kid: string) => Promise<string>;
}

/**
 * Verification of the caller's identity in the function itself, for sources no authorizer
 * verified.
 *
 * @example
 * ```ts
 * export const handlerOptions: HandlerOptions = { auth: { jwt: { issuer, audience: 'api', jwksUri } } };
 * ```
 */
export interface AuthOptions {
  readonly alb?: AlbAuthOptions;
  readonly jwt?: JwtAuthOptions;
}

// Partition, region, account, then `loadbalancer/app/<name>/<id>`: OIDC exists on ALBs only.
const ALB_ARN =
  /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:loadbalancer\/app\/[^/]+\/[0-9a-f]+$/;

function fail(message: string): never {
  throw new HandlerOptionsError(`createHandler options: auth.${message}`);
}

function checkKeys(keys: unknown): void {
  const list: unknown =
    typeof keys === 'object' && keys !== null ? Reflect.get(keys, 'keys') : undefined;
  if (!Array.isArray(list) || !list.every((key) => typeof key === 'object' && key !== null)) {
    fail('jwt.keys must be a JSON Web Key Set: { keys: [...] }.');
  }
}

function checkJwt(jwt: unknown): void {
  if (typeof jwt !== 'object' || jwt === null)
    fail(`jwt must be an object; got ${JSON.stringify(jwt)}.`);
  const { issuer, audience, jwksUri, keys } = jwt as Partial<Record<keyof JwtAuthOptions, unknown>>;
  if (typeof issuer !== 'string' || issuer === '') fail('jwt.issuer must be a non-empty string.');
  const audienceOk =
    audience === null ||
    (typeof audience === 'string' && audience !== '') ||
    (Array.isArray(audience) &&
      audience.length > 0 &&
      audience.every((item) => typeof item === 'string'));
  if (!audienceOk) {
    fail(
      `jwt.audience must be a string, a list of strings, or null to skip the check; got ${JSON.stringify(audience)}.`,
    );
  }
  if ((jwksUri === undefined) === (keys === undefined))
    fail('jwt needs exactly one of jwksUri and keys.');
  if (jwksUri !== undefined) {
    // The key set decides whom the function trusts: fetching it over plain HTTP would let anyone
    // on the path swap it.
    if (
      typeof jwksUri !== 'string' ||
      !URL.canParse(jwksUri) ||
      new URL(jwksUri).protocol !== 'https:'
    ) {
      fail(`jwt.jwksUri must be an https: URL; got ${JSON.stringify(jwksUri)}.`);
    }
  }
  if (keys !== undefined) checkKeys(keys);
}

function checkAlb(alb: unknown): void {
  if (typeof alb !== 'object' || alb === null)
    fail(`alb must be an object; got ${JSON.stringify(alb)}.`);
  const { loadBalancerArn, clientId, issuer, publicKey } = alb as Partial<
    Record<keyof AlbAuthOptions, unknown>
  >;
  if (typeof loadBalancerArn !== 'string' || !ALB_ARN.test(loadBalancerArn)) {
    fail(
      `alb.loadBalancerArn must be an Application Load Balancer's ARN; got ${JSON.stringify(loadBalancerArn)}.`,
    );
  }
  if (clientId !== undefined && (typeof clientId !== 'string' || clientId === ''))
    fail('alb.clientId must be a non-empty string.');
  if (issuer !== undefined && (typeof issuer !== 'string' || issuer === ''))
    fail('alb.issuer must be a non-empty string.');
  if (publicKey !== undefined && typeof publicKey !== 'function')
    fail('alb.publicKey must be a function (kid) => Promise<PEM>.');
}

/**
 * Checks the `auth` option at cold start.
 *
 * @returns The options, or `undefined` when nothing is to be verified.
 * @throws HandlerOptionsError naming the first problem.
 */
export function resolveAuthOptions(input: unknown): AuthOptions | undefined {
  if (input === undefined) return undefined;
  if (typeof input !== 'object' || input === null) {
    throw new HandlerOptionsError(
      `createHandler options: auth must be an object; got ${JSON.stringify(input)}.`,
    );
  }
  const unknown = Object.keys(input).filter((key) => key !== 'alb' && key !== 'jwt');
  if (unknown.length > 0) fail(`has unknown keys ${JSON.stringify(unknown)}; known: alb, jwt.`);
  const { alb, jwt } = input as AuthOptions;
  if (alb !== undefined) checkAlb(alb);
  if (jwt !== undefined) checkJwt(jwt);
  return alb === undefined && jwt === undefined ? undefined : (input as AuthOptions);
}
