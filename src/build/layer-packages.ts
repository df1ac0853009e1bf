// Read by tsup.config.ts, the layer packer and the benchmark builds; plain TypeScript that Node's
// type stripping runs as it is.

/**
 * The framework and the packages it shares state with: the layer ships each exactly once and a
 * function never bundles them, because class-transformer's `@Type` metadata and the decorator
 * records do not cross copies.
 */
export const FRAMEWORK_PACKAGES = [
  'lambda-controllers',
  'reflect-metadata',
  'class-validator',
  'class-transformer',
] as const;

/** The AWS SDK v3 scope: the layer ships the clients functions use, so their zips stay small. */
export const AWS_SDK_SCOPE = '@aws-sdk/';

/**
 * Packages the framework requires on first use only (aws-jwt-verify, when `auth` verifies a
 * token): the layer ships them and the package declares them, but no cold start loads them.
 */
export const ON_DEMAND_PACKAGES = ['aws-jwt-verify'] as const;
