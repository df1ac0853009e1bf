// The `lambda-controllers/openapi` entry: the document builder and its types, kept apart from the
// main entry so that a function's cold start never loads them.

export type { PathSegment } from '../routing/path-pattern';
export { buildOpenApiDocument, type OpenApiOptions } from './build-document';
export { describeRoutes, type RouteDescription } from './describe-routes';
export type {
  OpenApiDocument,
  OpenApiHeader,
  OpenApiInfo,
  OpenApiMediaType,
  OpenApiMethod,
  OpenApiOperation,
  OpenApiParameter,
  OpenApiPathItem,
  OpenApiRequestBody,
  OpenApiResponse,
  OpenApiServer,
} from './document-types';
export { OpenApiDocumentError } from './openapi-document-error';
