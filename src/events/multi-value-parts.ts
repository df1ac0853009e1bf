import { decodeBody, textBody } from '../http/encoding';
import { normalizeHeaders } from '../http/headers';
import { type QueryMapEncoding, queryFromMaps } from '../http/query';
import { own, ownMap } from './event-fields';
import type { LazyParts } from './event-request';

/**
 * The parts of an event that carries single- and multi-value maps (payload 1.0 and the load
 * balancer): headers from both maps, the query from both, the body.
 *
 * @param queryEncoding - Whether the source hands over query values decoded or as the client
 * sent them.
 * @returns The source's parts, made once per source.
 */
export function multiValueParts(queryEncoding: QueryMapEncoding): LazyParts {
  return {
    headers: (event) =>
      normalizeHeaders(ownMap(event, 'headers'), ownMap(event, 'multiValueHeaders')),
    query: (event) =>
      queryFromMaps(
        ownMap(event, 'multiValueQueryStringParameters'),
        ownMap(event, 'queryStringParameters'),
        queryEncoding,
      ),
    body: (event) => decodeBody(own(event, 'body'), own(event, 'isBase64Encoded')),
    bodyText: (event) => textBody(own(event, 'body'), own(event, 'isBase64Encoded')),
  };
}
