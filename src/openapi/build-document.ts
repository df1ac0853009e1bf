import type { LambdaHandler } from '../index';
import type { HttpMethod } from '../metadata/records';
import { type PathSegment, templateShape } from '../routing/path-pattern';
import { servedRoutesOf } from '../routing/served-routes';
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
import { BEARER_SCHEME, BEARER_SCHEME_OBJECT } from './security';

/**
 * Options of `buildOpenApiDocument`.
 *
 * @example
 * ```ts
 * const options: OpenApiOptions = { servers: [{ url: 'https://api.example.com', description: 'Production' }] };
 * ```
 */
export interface OpenApiOptions {
  /** The document's `servers`, e.g. the API's invoke URL. @defaultValue none */
  readonly servers?: readonly OpenApiServer[];
  /** A description for each tag `@ApiTags` names, keyed by tag. @defaultValue none */
  readonly tagDescriptions?: Readonly<Record<string, string>>;
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
export function toOpenApiPath(segments: readonly PathSegment[]): string {
  const parts = segments.map((segment) =>
    segment.kind === 'static' ? segment.value : `{${segment.name}}`,
  );
  return `/${parts.join('/')}`;
}

/**
 * OpenAPI treats `/a/{x}` and `/a/{y}` as one path, while the router allows them on different
 * methods; and a greedy `{p+}` turns into `{p}`. Refuse what the document cannot say.
 */
function checkPathShape(
  shapes: Map<string, string>,
  segments: readonly PathSegment[],
  path: string,
  routeKey: string,
): void {
  // The shape OpenAPI sees: a greedy parameter is a plain one there.
  const shape = templateShape(
    segments.map((segment) =>
      segment.kind === 'greedy' ? { kind: 'param', name: segment.name } : segment,
    ),
  );
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
 * Builds an OpenAPI 3.1 document describing what a handler serves, from the route table it built
 * (nothing is constructed or checked again): paths and methods from the route decorators, path,
 * query and header parameters with their declared types, request bodies from `@Body` DTOs
 * (class-validator constraints as JSON Schema 2020-12, with the handler's validator options),
 * success statuses from `@HttpCode` or `ApiResponse`, and problem+json responses for the errors
 * the framework answers (400, 404, 405, 413 with the handler's body limit, 415, 500) plus those
 * declared with `ApiProblem`.
 *
 * @param handler - A handler `createHandler` returned.
 * @param info - The document's `info` (title and version are required).
 * @param options - The document's `servers`.
 * @returns A plain-JSON OpenAPI 3.1 document.
 * @throws OpenApiDocumentError when `handler` was not made by `createHandler`, or when its routes
 * cannot be described in OpenAPI.
 * @example
 * ```ts
 * import { createHandler } from 'lambda-controllers';
 * import { buildOpenApiDocument } from 'lambda-controllers/openapi';
 * import { handlerOptions, routes } from './routes';
 *
 * const handler = createHandler(routes, handlerOptions);
 * const document = buildOpenApiDocument(handler, { title: 'Users API', version: '1.0.0' });
 * writeFileSync('openapi.json', JSON.stringify(document, null, 2));
 * ```
 */
export function buildOpenApiDocument(
  handler: LambdaHandler,
  info: OpenApiInfo,
  options: OpenApiOptions = {},
): OpenApiDocument {
  const served = servedRoutesOf(handler);
  if (served === undefined) {
    throw new OpenApiDocumentError(
      'buildOpenApiDocument describes a handler made by createHandler: pass ' +
        'createHandler(routes, options), not the controllers.',
    );
  }
  const { validator, maxBodyBytes, serialize } = served;
  const registry = new SchemaRegistry(validator);
  const context: OperationContext = {
    registry,
    problemRef: registry.define('Problem', PROBLEM_SCHEMA),
    maxBodyBytes,
    serialize,
  };
  const paths: Record<string, OpenApiPathItem> = {};
  const shapes = new Map<string, string>();
  const operationIds = new Set<string>();
  const documented = new Map<string, string>();
  const tags: string[] = [];
  for (const route of served.routes) {
    const { controller } = route;
    const path = toOpenApiPath(route.segments);
    checkPathShape(shapes, route.segments, path, route.routeKey);
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
    ...(tags.length > 0
      ? {
          tags: tags.map((name) => {
            const description = options.tagDescriptions?.[name];
            return description === undefined ? { name } : { name, description };
          }),
        }
      : {}),
    paths,
    components: {
      schemas: registry.schemas,
      ...(served.routes.some((route) => route.access !== undefined)
        ? { securitySchemes: { [BEARER_SCHEME]: BEARER_SCHEME_OBJECT } }
        : {}),
    },
  });
}
