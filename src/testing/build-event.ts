import { authorizerContext, type TestPrincipal } from './authorizer-context';
import { albEvent } from './events/alb-event';
import { httpApiV1Event, restEvent } from './events/payload-v1-event';
import { functionUrlEvent, httpApiEvent } from './events/payload-v2-event';
import type { ClientRequest, TestSource } from './test-request';

/**
 * The event `source` sends a function for `request`, with `principal` in its authorizer context.
 *
 * @throws TypeError when `source` cannot carry that principal, or is not a known source.
 */
export function buildEvent(
  source: TestSource,
  request: ClientRequest,
  principal?: TestPrincipal,
): Record<string, unknown> {
  const authorizer = principal === undefined ? undefined : authorizerContext(source, principal);
  switch (source) {
    case 'http-api':
      return httpApiEvent(request, authorizer);
    case 'http-api-v1':
      return httpApiV1Event(request, authorizer);
    case 'rest':
      return restEvent(request, authorizer);
    case 'function-url':
      return functionUrlEvent(request, authorizer);
    case 'alb':
    case 'alb-multi':
      return albEvent(request, source === 'alb-multi');
    default:
      throw new TypeError(
        `Unknown test source ${JSON.stringify(source)}; use http-api, http-api-v1, rest, alb, ` +
          'alb-multi or function-url.',
      );
  }
}
