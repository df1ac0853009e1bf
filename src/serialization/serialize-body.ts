import { HttpResponse } from '../http/response';
import type { SerializeSettings } from '../metadata/records';
import { holdsInstances } from './holds-instances';
import { toPlainBody, transformOptionsOf } from './to-plain-body';

/**
 * The response a route answers with, its JSON body turned into plain data: the same response when
 * the body holds no class instance, else a copy whose instances went through `instanceToPlain`
 * (`@Exclude`, `@Expose`, `@Transform`, groups) with the route's settings over the handler's.
 *
 * @throws CircularBodyError when the body contains itself.
 */
export function serializeBody(
  response: HttpResponse,
  route: SerializeSettings | undefined,
  defaults: SerializeSettings | undefined,
): HttpResponse {
  if (response.bodyKind !== 'json') return response;
  if (!holdsInstances(response.body, route?.strategy ?? defaults?.strategy)) return response;
  return new HttpResponse({
    status: response.status,
    headers: response.headers,
    cookies: response.cookies,
    body: toPlainBody(response.body, transformOptionsOf(route, defaults)),
  });
}
