import { type HandlerOptions, resolveOptions } from '../handler/options';
import type { HttpMethod } from '../metadata/records';
import { parsePathTemplate, templateShape } from '../routing/path-pattern';
import { buildRouteTable } from '../routing/route-table';
import type {
  OpenApiDocument,
  OpenApiInfo,
  OpenApiMethod,
  OpenApiPathItem,
  OpenApiServer,
} from './document-types';
import { OpenApiDocumentError } from './openapi-document-error';
import { buildOperation, type OperationContext } from './operation';
import { PROBLEM_SCHEMA } from './problem-responses';
import { collectRouteDocs } from './route-docs';
import { SchemaRegistry } from './schema-from-validators';

/** Options of `buildOpenApiDocument`. */
export interface OpenApiOptions {
  /**
   * The options the handler runs with (`createHandler`'s, or the `handlerOptions` export of
   * `routes.js`): `validator` decides required properties and `additionalProperties`,
   * `maxBodyBytes` the 413 text. @defaultValue the handler's defaults
   */
  readonly handlerOptions?: HandlerOptions;
  /** The document's `servers`, e.g. the API's invoke URL. @defaultValue none */
  readonly servers?: readonly OpenApiServer[];
}

const METHODS: Readonly<Record<HttpMethod, OpenApiMethod>> = {
  GET: 'get',
  POST: 'post',
  PUT: 'put',
  PATCH: 'patch',
  DELETE: 'delete',
  HEAD: 'head',
  OPTIONS: 'options',
};

/** The route template as OpenAPI writes it: a greedy `{path+}` becomes `{path}`. */
export function toOpenApiPath(template: string): string {
  return template.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\+\}/g, '{$1}');
}

/**
 * OpenAPI treats `/a/{x}` and `/a/{y}` as one path, while the router allows them on different
 * methods; and a greedy `{p+}` turns into `{p}`. Refuse what the document cannot say.
 */
function checkPathShape(shapes: Map<string, string>, path: string, routeKey: string): void {
  const shape = templateShape(parsePathTemplate(path));
  const other = shapes.get(shape);
  if (other !== undefined && other !== path) {
    throw new OpenApiDocumentError(
      `${routeKey} is documented as ${path}, which OpenAPI cannot tell apart from ${other}: ` +
        'give their parameters the same names (a greedy {name+} is documented as {name}).',
    );
  }
  shapes.set(shape, path);
}

/**
 * Builds an OpenAPI 3.1 document from decorated controllers, reading the same route table the
 * handler serves: paths and methods from the route decorators, path, query and header
 * parameters with their declared types, request bodies from `@Body` DTOs (class-validator
 * constraints as JSON Schema 2020-12), success statuses from `@HttpCode` or `ApiResponse`, and
 * problem+json responses for the errors the framework answers (400, 404, 405, 413, 415, 500)
 * plus those declared with `ApiProblem`. Controllers are constructed, as the handler does.
 *
 * @param routes - A controller class or an array of them: what `createHandler` takes.
 * @param info - The document's `info` (title and version are required).
 * @param options - The handler's options, and `servers`.
 * @returns A plain-JSON OpenAPI 3.1 document.
 * @throws RoutesModuleError or RouteDefinitionError when the handler would not start either;
 * OpenApiDocumentError when the routes cannot be described in OpenAPI.
 * @example
 * ```ts
 * import { buildOpenApiDocument } from 'lambda-controllers';
 * import { routes } from './routes';
 *
 * const document = buildOpenApiDocument(routes, { title: 'Users API', version: '1.0.0' });
 * writeFileSync('openapi.json', JSON.stringify(document, null, 2));
 * ```
 */
export function buildOpenApiDocument(
  routes: unknown,
  info: OpenApiInfo,
  options: OpenApiOptions = {},
): OpenApiDocument {
  // The handler's own table, with its cold-start checks (collisions, bindings, DTO metadata).
  const table = buildRouteTable(routes);
  const { validator, maxBodyBytes } = resolveOptions(options.handlerOptions);
  const registry = new SchemaRegistry(validator);
  const context: OperationContext = {
    registry,
    problemRef: registry.define('Problem', PROBLEM_SCHEMA),
    maxBodyBytes,
  };
  const paths: Record<string, OpenApiPathItem> = {};
  const shapes = new Map<string, string>();
  const operationIds = new Set<string>();
  const documented = new Map<string, string>();
  const tags: string[] = [];
  for (const route of table.routes) {
    const { controller } = route;
    const path = toOpenApiPath(route.path);
    checkPathShape(shapes, path, route.routeKey);
    const item: OpenApiPathItem = paths[path] ?? {};
    paths[path] = item;
    const method = METHODS[route.method];
    const other = documented.get(`${route.method} ${path}`);
    if (other !== undefined) {
      throw new OpenApiDocumentError(
        `${route.routeKey} and ${other} are both documented as ${route.method} ${path}: ` +
          'OpenAPI has no greedy parameters, so {name+} is written {name}.',
      );
    }
    documented.set(`${route.method} ${path}`, route.routeKey);
    const operation = buildOperation(
      route,
      collectRouteDocs(controller, route.propertyKey),
      context,
    );
    if (operationIds.has(operation.operationId)) {
      throw new OpenApiDocumentError(
        `Operation id ${JSON.stringify(operation.operationId)} of ${route.routeKey} is used ` +
          'twice; set a unique one with @ApiOperation({ operationId }).',
      );
    }
    operationIds.add(operation.operationId);
    for (const tag of operation.tags ?? []) if (!tags.includes(tag)) tags.push(tag);
    item[method] = operation;
  }
  const servers = options.servers ?? [];
  // A copy, so a caller editing the document cannot reach shared constants or decorator records.
  return structuredClone({
    openapi: '3.1.0',
    info,
    ...(servers.length > 0 ? { servers: [...servers] } : {}),
    ...(tags.length > 0 ? { tags: tags.map((name) => ({ name })) } : {}),
    paths,
    components: { schemas: registry.schemas },
  });
}
