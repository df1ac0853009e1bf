// Shared by unit tests, the sample API's tests and the benchmarks: type-only imports only.
import type { Context } from 'aws-lambda';

/**
 * A Lambda context with every field the Node.js runtime passes
 * (https://docs.aws.amazon.com/lambda/latest/dg/nodejs-context.html).
 *
 * @param overrides - Fields to change, such as `{ awsRequestId: 'request-1' }`.
 * @returns A new context; its `awsRequestId` is `req-1` unless overridden.
 * @example
 * ```ts
 * const result = await handler(httpApiEvent('GET', '/users/7'), lambdaContext());
 * ```
 */
export function lambdaContext(overrides: Partial<Context> = {}): Context {
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: 'users-api',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:users-api',
    memoryLimitInMB: '512',
    awsRequestId: 'req-1',
    logGroupName: '/aws/lambda/users-api',
    logStreamName: '2026/11/24/[$LATEST]abcdef',
    getRemainingTimeInMillis: () => 30_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
    ...overrides,
  };
}
