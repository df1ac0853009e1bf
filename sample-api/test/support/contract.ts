import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type {
  OpenApiDocument,
  OpenApiMethod,
  OpenApiOperation,
  OpenApiPathItem,
} from 'lambda-controllers/openapi';
import type { HttpApiRequest } from '../../../src/test/support/http-api-event.ts';
import type { ApiResponse } from './api-response.ts';

type Method = OpenApiMethod;

const METHODS: readonly Method[] = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'];

function isMethod(method: string): method is Method {
  return (METHODS as readonly string[]).includes(method);
}

/** Where a request lands in the document. */
export interface DocumentedTarget {
  readonly template: string;
  readonly method: Method;
  readonly item: OpenApiPathItem;
  readonly operation: OpenApiOperation | undefined;
}

function templateRegExp(template: string): RegExp {
  const pattern = template
    .split('/')
    .map((segment) =>
      /^\{[^}]+\}$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^$()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^${pattern}$`);
}

/** A JSON pointer as a URI fragment: `~` and `/` escaped, then percent-encoded (`{`, `}`). */
function pointer(...segments: string[]): string {
  return `#/${segments
    .map((segment) => encodeURIComponent(segment.replaceAll('~', '~0').replaceAll('/', '~1')))
    .join('/')}`;
}

/**
 * Checks real responses against an OpenAPI document: the status is documented for the
 * operation, the content type is one it documents, required headers are there, and the body
 * validates against the documented schema (JSON Schema 2020-12, with formats).
 */
export class ContractChecker {
  readonly #document: OpenApiDocument;
  readonly #ajv: Ajv2020;
  readonly covered = new Set<string>();

  constructor(document: OpenApiDocument) {
    this.#document = document;
    // strict off: the document's own members (openapi, paths...) are not schema keywords.
    this.#ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
    addFormats(this.#ajv);
    this.#ajv.addSchema(document, 'openapi.json');
  }

  /** The path item and operation a request reaches; static templates win, as in the router. */
  target(spec: HttpApiRequest): DocumentedTarget | undefined {
    const path = spec.path.split('?')[0] ?? '';
    const templates = Object.keys(this.#document.paths).sort(
      (a, b) => a.split('{').length - b.split('{').length,
    );
    const template = templates.find((candidate) => templateRegExp(candidate).test(path));
    if (template === undefined) return undefined;
    const item = this.#document.paths[template] ?? {};
    const method = spec.method.toLowerCase();
    if (!isMethod(method)) throw new Error(`${spec.method} is not an OpenAPI method`);
    return { template, method, item, operation: item[method] };
  }

  /** Every way `response` departs from the document; empty when it conforms. */
  violations(spec: HttpApiRequest, response: ApiResponse): string[] {
    const target = this.target(spec);
    if (target === undefined) return [`${spec.path} matches no documented path`];
    if (target.operation === undefined) return this.#methodNotAllowed(target, response);
    this.covered.add(`${target.method} ${target.template}`);
    return this.#conforms(target.template, target.method, target.operation, response);
  }

  /** Operations no checked request reached, as `method template`. */
  uncovered(): string[] {
    return Object.entries(this.#document.paths).flatMap(([template, item]) =>
      METHODS.filter((method) => item[method] !== undefined)
        .map((method) => `${method} ${template}`)
        .filter((key) => !this.covered.has(key)),
    );
  }

  /** A method the path lacks: 405 as every operation of the path documents it, with Allow. */
  #methodNotAllowed(target: DocumentedTarget, response: ApiResponse): string[] {
    const operations = METHODS.flatMap((method) => {
      const operation = target.item[method];
      return operation === undefined ? [] : [{ method, operation }];
    });
    const problems: string[] = [];
    for (const { method, operation } of operations) {
      problems.push(...this.#conforms(target.template, method, operation, response));
    }
    const methods = new Set(operations.map(({ method }) => method.toUpperCase()));
    if (methods.has('GET')) methods.add('HEAD');
    methods.add('OPTIONS');
    const expected = [...methods].sort().join(', ');
    if (response.headers['allow'] !== expected) {
      problems.push(`Allow is ${JSON.stringify(response.headers['allow'])}, not "${expected}"`);
    }
    return problems;
  }

  /** Each line of an NDJSON body against the schema its 200 documents. */
  #lines(where: string, template: string, method: Method, response: ApiResponse): string[] {
    const validate = this.#ajv.compile({
      $ref: `openapi.json${pointer('paths', template, method, 'responses', String(response.status), 'content', 'application/x-ndjson', 'schema')}`,
    });
    const lines = response.body.split('\n').filter((line) => line !== '');
    return lines.flatMap((line, index) =>
      validate(JSON.parse(line))
        ? []
        : [
            `${where} line ${index + 1} does not match its schema: ${this.#ajv.errorsText(validate.errors)}`,
          ],
    );
  }

  #conforms(
    template: string,
    method: Method,
    operation: OpenApiOperation,
    response: ApiResponse,
  ): string[] {
    const where = `${method.toUpperCase()} ${template} → ${response.status}`;
    const documented = operation.responses[String(response.status)];
    if (documented === undefined) return [`${where} is not documented`];
    const problems: string[] = [];
    for (const [name, header] of Object.entries(documented.headers ?? {})) {
      if (header.required === true && response.headers[name.toLowerCase()] === undefined) {
        problems.push(`${where} lacks the documented header ${name}`);
      }
    }
    const content = documented.content;
    if (content === undefined) {
      if (response.body !== '') problems.push(`${where} documents no body but has one`);
      return problems;
    }
    const mediaType = (response.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
    if (!Object.hasOwn(content, mediaType)) {
      return [
        ...problems,
        `${where} has content-type ${JSON.stringify(mediaType)}, not documented`,
      ];
    }
    // A schema describes a JSON body; an NDJSON body's schema describes each of its lines.
    if (content[mediaType]?.schema === undefined) return problems;
    if (mediaType === 'application/x-ndjson')
      return [...problems, ...this.#lines(where, template, method, response)];
    const validate = this.#ajv.compile({
      $ref: `openapi.json${pointer('paths', template, method, 'responses', String(response.status), 'content', mediaType, 'schema')}`,
    });
    if (!validate(response.json)) {
      problems.push(
        `${where} body does not match its schema: ${this.#ajv.errorsText(validate.errors)}`,
      );
    }
    if (
      mediaType === 'application/problem+json' &&
      Reflect.get(Object(response.json), 'status') !== response.status
    ) {
      problems.push(`${where} problem body has another status`);
    }
    return problems;
  }
}
