/**
 * The decorators describe routes that OpenAPI cannot state as they are (two operations on one
 * documented path and method, a repeated operation id, `ApiParam` naming a path parameter the
 * route does not have). Thrown by `buildOpenApiDocument`; routing itself is unaffected.
 */
export class OpenApiDocumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OpenApiDocumentError';
  }
}
