import { isExecuteApiHost } from './event-fields';

/**
 * Removes the stage name that HTTP APIs put in front of the path on their `execute-api` host.
 *
 * A request to `https://{api-id}.execute-api.{region}.amazonaws.com/prod/users` reaches Lambda
 * with `rawPath` `/prod/users` and `stage` `prod`, while the route is `/users`. On a custom domain
 * the API mapping is not part of `rawPath` (AWS: "rawPath doesn't provide the API mapping value"),
 * so a leading `/prod` there is a real path segment and stays; the `$default` stage is never in
 * the URL at all.
 *
 * @param path - The path the integration delivered.
 * @param stage - `requestContext.stage`.
 * @param domainName - `requestContext.domainName`, or the `host` header when absent.
 * @returns The path without the stage prefix.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
 */
export function stripStagePrefix(
  path: string,
  stage: string | undefined,
  domainName: string | undefined,
): string {
  if (stage === undefined || stage === '' || stage === '$default') return path;
  if (!isExecuteApiHost(domainName)) return path;
  const prefix = `/${stage}`;
  if (path === prefix) return '/';
  return path.startsWith(`${prefix}/`) ? path.slice(prefix.length) : path;
}
