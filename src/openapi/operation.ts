import { reasonPhrase } from '../http/status';
import type { ScalarType } from '../metadata/design-types';
import type { JsonSchema } from '../metadata/json-schema';
import type { DocBody, SerializeSettings } from '../metadata/records';
import type { ParamBinding } from '../routing/param-binding';
import type { RouteDefinition } from '../routing/route-table';
import type {
  OpenApiOperation,
  OpenApiParameter,
  OpenApiRequestBody,
  OpenApiResponse,
} from './document-types';
import { OpenApiDocumentError } from './openapi-document-error';
import { frameworkProblems, headerObjects, problemResponse } from './problem-responses';
import type { RouteDocs } from './route-docs';
import type { DtoClass, SchemaRegistry } from './schema-from-validators';
import { accessProblems, securityOf } from './security';

/** What building an operation needs besides the route and its docs. */
export interface OperationContext {
  readonly registry: SchemaRegistry;
  readonly problemRef: JsonSchema;
  readonly maxBodyBytes: number;
  /** The handler's `serialize` option, which a route's `@SerializeOptions` overrides. */
  readonly serialize: SerializeSettings | undefined;
}

const GREEDY_NOTE =
  'Greedy (`{name+}` in the route): the rest of the path, `/` included. OpenAPI path ' +
  'parameters cannot span segments, so generated clients may percent-encode a `/` in it.';

// OpenAPI says header parameters with these names "SHALL be ignored"; the request body and
// security schemes describe them instead.
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);

function scalarSchema(type: ScalarType | 'array'): JsonSchema {
  return type === 'array' ? { type: 'array', items: { type: 'string' } } : { type };
}

function boundParameters(route: RouteDefinition): OpenApiParameter[] {
  const parameters: OpenApiParameter[] = [];
  for (const segment of route.segments) {
    if (segment.kind === 'static') continue;
    const binding = route.params.find(
      (candidate): candidate is Extract<ParamBinding, { kind: 'param' }> =>
        candidate.kind === 'param' && candidate.name === segment.name,
    );
    const parameter: OpenApiParameter = {
      name: segment.name,
      in: 'path',
      required: true,
      schema: scalarSchema(binding?.type ?? 'string'),
    };
    if (segment.kind === 'greedy') parameter.description = GREEDY_NOTE;
    parameters.push(parameter);
  }
  for (const binding of route.params) {
    if (binding.kind === 'query') {
      parameters.push({
        name: binding.name,
        in: 'query',
        required: false,
        schema: scalarSchema(binding.type),
      });
    } else if (
      binding.kind === 'headers' &&
      binding.name !== undefined &&
      !IGNORED_HEADERS.has(binding.name)
    ) {
      parameters.push({
        name: binding.name,
        in: 'header',
        required: false,
        schema: { type: 'string' },
      });
    }
  }
  return parameters.filter(
    (parameter, index) =>
      parameters.findIndex(
        (other) => other.name === parameter.name && other.in === parameter.in,
      ) === index,
  );
}

function sameParameter(parameter: OpenApiParameter, name: string, location: string | undefined) {
  if (location !== undefined && parameter.in !== location) return false;
  return parameter.in === 'header'
    ? parameter.name.toLowerCase() === name.toLowerCase()
    : parameter.name === name;
}

function parameters(route: RouteDefinition, docs: RouteDocs): OpenApiParameter[] {
  const list = boundParameters(route);
  for (const doc of docs.params) {
    let parameter = list.find((candidate) => sameParameter(candidate, doc.name, doc.in));
    if (parameter === undefined) {
      if (doc.in === 'path') {
        throw new OpenApiDocumentError(
          `@ApiParam(${JSON.stringify(doc.name)}) on ${route.routeKey} names a path parameter ` +
            'the route template does not have.',
        );
      }
      parameter = { name: doc.name, in: doc.in ?? 'query', required: false, schema: {} };
      list.push(parameter);
    }
    if (doc.description !== undefined) parameter.description = doc.description;
    if (doc.schema !== undefined) parameter.schema = doc.schema;
    if (doc.required !== undefined && parameter.in !== 'path') parameter.required = doc.required;
  }
  return list;
}

function requestBody(
  route: RouteDefinition,
  context: OperationContext,
): OpenApiRequestBody | undefined {
  for (const binding of route.params) {
    switch (binding.kind) {
      case 'body-dto':
        return {
          required: true,
          content: { 'application/json': { schema: context.registry.refTo(binding.dto) } },
        };
      case 'body-text':
        return { required: false, content: { 'text/plain': { schema: { type: 'string' } } } };
      case 'body-bytes':
        // OpenAPI 3.1 describes raw bytes by the media type alone, without a schema.
        return { required: false, content: { 'application/octet-stream': {} } };
      default:
        continue;
    }
  }
  return undefined;
}

function isDtoTuple(body: DocBody): body is readonly [DtoClass] {
  return Array.isArray(body);
}

/** A response body's schema: its DTOs described as they are serialized for this route. */
function bodySchema(
  body: DocBody,
  registry: SchemaRegistry,
  serialized: SerializeSettings,
): JsonSchema {
  if (typeof body === 'function') return registry.refTo(body, serialized);
  if (isDtoTuple(body)) return { type: 'array', items: registry.refTo(body[0], serialized) };
  return body;
}

function successResponses(
  route: RouteDefinition,
  docs: RouteDocs,
  context: OperationContext,
): Record<string, OpenApiResponse> {
  const serialized = { ...context.serialize, ...route.serialize };
  const declared = docs.responses.filter((doc) => !doc.problem);
  const responses: Record<string, OpenApiResponse> = {};
  if (declared.length === 0) {
    const status = route.httpCode ?? 200;
    responses[String(status)] =
      status === 204
        ? { description: reasonPhrase(status) }
        : {
            description: `${reasonPhrase(status)}. Declare the body with @ApiResponse.`,
            content: { 'application/json': {} },
          };
    return responses;
  }
  for (const doc of declared) {
    const response: OpenApiResponse = { description: doc.description ?? reasonPhrase(doc.status) };
    const headers = headerObjects(doc.headers);
    if (headers !== undefined) response.headers = headers;
    if (doc.body !== undefined) {
      response.content = {
        [doc.contentType ?? 'application/json']: {
          schema: bodySchema(doc.body, context.registry, serialized),
        },
      };
    }
    responses[String(doc.status)] = response;
  }
  return responses;
}

function errorResponses(
  route: RouteDefinition,
  docs: RouteDocs,
  context: OperationContext,
): Record<string, OpenApiResponse> {
  const problems = frameworkProblems(route, context.maxBodyBytes);
  for (const [status, problem] of accessProblems(route)) problems.set(status, problem);
  for (const doc of docs.responses) {
    if (!doc.problem) continue;
    const known = problems.get(doc.status);
    problems.set(doc.status, {
      description: doc.description ?? known?.description ?? reasonPhrase(doc.status),
      headers: { ...known?.headers, ...doc.headers },
    });
  }
  const responses: Record<string, OpenApiResponse> = {};
  for (const [status, problem] of problems) {
    responses[String(status)] = problemResponse(context.problemRef, problem);
  }
  return responses;
}

/** The operation id `buildOpenApiDocument` gives a route without `ApiOperation({ operationId })`. */
export function defaultOperationId(route: RouteDefinition): string {
  return `${route.controllerName}_${String(route.propertyKey)}`.replace(/[^A-Za-z0-9_.-]/g, '_');
}

/** The OpenAPI operation for one route: parameters, body and every response it can give. */
export function buildOperation(
  route: RouteDefinition,
  docs: RouteDocs,
  context: OperationContext,
): OpenApiOperation {
  const list = parameters(route, docs);
  const body = requestBody(route, context);
  return {
    operationId: docs.operationId ?? defaultOperationId(route),
    ...(docs.summary === undefined ? {} : { summary: docs.summary }),
    ...(docs.description === undefined ? {} : { description: docs.description }),
    ...(docs.tags.length === 0 ? {} : { tags: [...docs.tags] }),
    ...(docs.deprecated === undefined ? {} : { deprecated: docs.deprecated }),
    ...(list.length === 0 ? {} : { parameters: list }),
    ...(body === undefined ? {} : { requestBody: body }),
    // Numeric keys keep ascending order in a JS object: successes and errors come out sorted.
    responses: {
      ...successResponses(route, docs, context),
      ...errorResponses(route, docs, context),
    },
    security: securityOf(route.access),
  };
}
