import { PROBLEM_CONTENT_TYPE } from '../errors/problem';
import type { JsonSchema } from '../metadata/json-schema';
import type { ParamBinding } from '../routing/param-binding';
import type { RouteDefinition } from '../routing/route-table';
import type { OpenApiHeader, OpenApiResponse } from './document-types';

/** The RFC 9457 body every error response has, as `src/errors/problem.ts` writes it. */
export const PROBLEM_SCHEMA: JsonSchema = {
  type: 'object',
  description: 'An RFC 9457 problem. Other members may appear: they are extensions.',
  required: ['type', 'title', 'status'],
  properties: {
    type: {
      type: 'string',
      format: 'uri-reference',
      description: 'The problem type; `about:blank` when the status says it all.',
    },
    title: { type: 'string' },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: { type: 'string', description: 'Sent for client errors (4xx).' },
    instance: { type: 'string', format: 'uri-reference' },
    requestId: {
      type: 'string',
      description: "The Lambda request id, to find the request's logs.",
    },
    errors: {
      type: 'object',
      description: 'Field or parameter → messages, for 400 answers on parameters or a body.',
      additionalProperties: { type: 'array', items: { type: 'string' } },
    },
  },
};

/** An error response the route can give: when, and which headers it carries. */
export interface ProblemDoc {
  readonly description: string;
  readonly headers?: Readonly<Record<string, string>>;
}

function describeBadRequest(params: readonly ParamBinding[]): string | undefined {
  const reasons: string[] = [];
  const coercedPath = params.flatMap((binding) =>
    binding.kind === 'param' && binding.type !== 'string' ? [binding] : [],
  );
  if (coercedPath.length > 0) {
    reasons.push(
      coercedPath
        .map((binding) => `path parameter ${binding.name} is not a ${binding.type}`)
        .join(', '),
    );
  }
  const scalarQueries = params.flatMap((binding) =>
    binding.kind === 'query' && binding.type !== 'array' ? [binding.name] : [],
  );
  if (scalarQueries.length > 0) {
    reasons.push(
      `query parameter ${scalarQueries.join(', ')} cannot be read as its type or is given more than once`,
    );
  }
  if (params.some((binding) => binding.kind === 'body-dto')) {
    reasons.push('the body is missing, is not a JSON object, or fails validation');
  }
  if (reasons.length === 0) return undefined;
  return `Bad request: ${reasons.join('; ')}. \`errors\` lists the messages by field.`;
}

/**
 * The errors the framework itself answers for a route, by status: 400 when it coerces
 * parameters or validates a body, 413 for a body, 415 for a JSON body, 404 for templated paths,
 * 405 for every path (another method of it), and 500 always.
 */
export function frameworkProblems(
  route: RouteDefinition,
  maxBodyBytes: number,
): Map<number, ProblemDoc> {
  const problems = new Map<number, ProblemDoc>();
  const badRequest = describeBadRequest(route.params);
  if (badRequest !== undefined) problems.set(400, { description: badRequest });
  if (route.segments.some((segment) => segment.kind !== 'static')) {
    problems.set(404, { description: 'Nothing is found at this path.' });
  }
  problems.set(405, {
    description: 'The path exists, but not with the method sent; `Allow` lists its methods.',
    headers: { Allow: 'The methods this path answers, comma-separated.' },
  });
  if (route.params.some((binding) => binding.kind.startsWith('body-'))) {
    problems.set(413, { description: `The body is larger than ${maxBodyBytes} bytes.` });
  }
  if (route.params.some((binding) => binding.kind === 'body-dto')) {
    problems.set(415, {
      description: 'The content-type is not application/json or application/*+json.',
    });
  }
  problems.set(500, {
    description:
      'An unexpected error, or a response larger than the event source accepts. The body ' +
      'says nothing about the cause; the logs do, under the request id.',
  });
  return problems;
}

/** Headers documented as always sent, each a string. */
export function headerObjects(
  headers: Readonly<Record<string, string>>,
): Record<string, OpenApiHeader> | undefined {
  const entries = Object.entries(headers);
  if (entries.length === 0) return undefined;
  return Object.fromEntries(
    entries.map(([name, description]) => [
      name,
      { description, required: true, schema: { type: 'string' } },
    ]),
  );
}

/** An `application/problem+json` response with the shared `Problem` schema. */
export function problemResponse(problemRef: JsonSchema, doc: ProblemDoc): OpenApiResponse {
  const response: OpenApiResponse = {
    description: doc.description,
    content: { [PROBLEM_CONTENT_TYPE]: { schema: problemRef } },
  };
  const headers = headerObjects(doc.headers ?? {});
  if (headers !== undefined) response.headers = headers;
  return response;
}
