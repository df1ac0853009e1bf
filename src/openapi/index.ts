// The `lambda-controllers/openapi` entry: the document builder and its types, kept apart from the
// main entry so that a function's cold start never loads them.
export { buildOpenApiDocument, type OpenApiOptions } from './build-document';
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
