/**
 * The part of OpenAPI 3.1 (https://spec.openapis.org/oas/v3.1.0) that `buildOpenApiDocument`
 * emits; its schemas are the JSON Schema 2020-12 of `metadata/json-schema.ts`. Fields are mutable
 * because the builder assembles them step by step; the document it returns is plain JSON.
 */

import type { JsonSchema } from '../metadata/json-schema';

/**
 * The document's `info` object: `title` and `version` are required by OpenAPI.
 *
 * @example
 * ```ts
 * const info: OpenApiInfo = { title: 'Users API', version: '1.2.0' };
 * buildOpenApiDocument(handler, info);
 * ```
 */
export interface OpenApiInfo {
  title: string;
  version: string;
  summary?: string;
  description?: string;
  /** The API's license: an SPDX `identifier` or a `url`. */
  license?: { name: string; identifier?: string; url?: string };
  contact?: { name?: string; url?: string; email?: string };
}

/**
 * One entry of the document's `servers`.
 *
 * @example
 * ```ts
 * buildOpenApiDocument(handler, info, { servers: [{ url: 'https://api.example.com' }] });
 * ```
 */
export interface OpenApiServer {
  url: string;
  description?: string;
}

/**
 * A path, query or header parameter of an operation.
 *
 * @example
 * ```ts
 * const limit = document.paths['/users']?.get?.parameters?.find((p) => p.name === 'limit');
 * ```
 */
export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  description?: string;
  schema: JsonSchema;
}

/**
 * One media type of a body; no `schema` means any content.
 *
 * @example
 * ```ts
 * const json = document.paths['/users']?.post?.requestBody?.content['application/json'];
 * ```
 */
export interface OpenApiMediaType {
  schema?: JsonSchema;
}

/**
 * A response header; `required: true` means the response always carries it.
 *
 * @example
 * ```ts
 * const location = document.paths['/users']?.post?.responses['201']?.headers?.['Location'];
 * ```
 */
export interface OpenApiHeader {
  description?: string;
  required?: boolean;
  schema: JsonSchema;
}

/**
 * One response of an operation, by status.
 *
 * @example
 * ```ts
 * const notFound = document.paths['/users/{id}']?.get?.responses['404'];
 * ```
 */
export interface OpenApiResponse {
  description: string;
  headers?: Record<string, OpenApiHeader>;
  content?: Record<string, OpenApiMediaType>;
}

/**
 * The request body an operation reads.
 *
 * @example
 * ```ts
 * const body = document.paths['/users']?.post?.requestBody;
 * ```
 */
export interface OpenApiRequestBody {
  description?: string;
  required: boolean;
  content: Record<string, OpenApiMediaType>;
}

/**
 * One route: a method on a path.
 *
 * @example
 * ```ts
 * const operation = document.paths['/users/{id}']?.get;
 * console.log(operation?.operationId); // 'Users_get'
 * ```
 */
export interface OpenApiOperation {
  operationId: string;
  summary?: string;
  description?: string;
  tags?: string[];
  deprecated?: boolean;
  parameters?: OpenApiParameter[];
  requestBody?: OpenApiRequestBody;
  responses: Record<string, OpenApiResponse>;
  /** Alternatives, each naming schemes and the scopes or roles they need; `[]` for none. */
  security: Array<Record<string, string[]>>;
}

/**
 * A security scheme of `components.securitySchemes`; this builder writes HTTP bearer schemes.
 *
 * @example
 * ```ts
 * const bearer: OpenApiSecurityScheme = { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' };
 * ```
 */
export interface OpenApiSecurityScheme {
  type: 'http';
  scheme: 'bearer';
  bearerFormat?: string;
  description?: string;
}

/**
 * Lower-case HTTP methods, as path items name their operations.
 *
 * @example
 * ```ts
 * const methods = Object.keys(document.paths['/users'] ?? {}) as OpenApiMethod[];
 * ```
 */
export type OpenApiMethod = 'get' | 'post' | 'put' | 'patch' | 'delete' | 'head' | 'options';

/**
 * The operations of one path, by lower-case method.
 *
 * @example
 * ```ts
 * const item: OpenApiPathItem | undefined = document.paths['/users'];
 * ```
 */
export type OpenApiPathItem = Partial<Record<OpenApiMethod, OpenApiOperation>>;

/**
 * An OpenAPI 3.1 document as `buildOpenApiDocument` returns it.
 *
 * @example
 * ```ts
 * const document: OpenApiDocument = buildOpenApiDocument(handler, info);
 * writeFileSync('openapi.json', JSON.stringify(document, null, 2));
 * ```
 */
export interface OpenApiDocument {
  openapi: '3.1.0';
  info: OpenApiInfo;
  servers?: OpenApiServer[];
  tags?: { name: string; description?: string }[];
  paths: Record<string, OpenApiPathItem>;
  components: {
    schemas: Record<string, JsonSchema>;
    securitySchemes?: Record<string, OpenApiSecurityScheme>;
  };
}
