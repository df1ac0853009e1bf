/**
 * The decorators describe routes that OpenAPI cannot state as they are (two operations on one
 * documented path and method, a repeated operation id, `ApiParam` naming a path parameter the
 * route does not have). Thrown by `buildOpenApiDocument`; routing itself is unaffected.
 *
 * @example
 * ```ts
 * class Files {
 *   @Get('/f/{p+}') all() {}
 *   @Get('/f/{p}') one() {}
 * }
 * buildOpenApiDocument(createHandler(Files), info); // OpenApiDocumentError: both documented as GET /f/{p}
 * ```
 */
export class OpenApiDocumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OpenApiDocumentError';
  }
}
