/**
 * One segment of a route template: `users` is static, `{id}` a parameter, `{path+}` greedy.
 *
 * @example
 * ```ts
 * const id: PathSegment = { kind: 'param', name: 'id' };
 * ```
 */
export type PathSegment =
  | { readonly kind: 'static'; readonly value: string }
  | { readonly kind: 'param'; readonly name: string }
  | { readonly kind: 'greedy'; readonly name: string };

/** A parameter name as API Gateway accepts it in `{name}`. */
const PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Thrown for a template that cannot be routed; the route-table builder adds where it is. */
export class PathTemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PathTemplateError';
  }
}

function parseSegment(text: string): PathSegment {
  if (!text.includes('{') && !text.includes('}')) return { kind: 'static', value: text };
  const greedy = text.endsWith('+}');
  const name = text.slice(1, greedy ? -2 : -1);
  if (!text.startsWith('{') || !text.endsWith('}') || !PARAM_NAME.test(name)) {
    throw new PathTemplateError(
      `segment ${JSON.stringify(text)} must be a literal, {name} or {name+} with a name of ` +
        'letters, digits and underscores',
    );
  }
  return greedy ? { kind: 'greedy', name } : { kind: 'param', name };
}

/**
 * Parses an API-Gateway-style template: `'/users'`, `'/users/{id}'`, `'/files/{path+}'`. A
 * trailing slash is ignored, so `'/users/'` is `'/users'`.
 *
 * @throws PathTemplateError for a template that does not start with `/`, has an empty segment,
 * unbalanced or partial braces, a greedy parameter that is not last, or a repeated name.
 */
export function parsePathTemplate(template: unknown): PathSegment[] {
  if (typeof template !== 'string' || !template.startsWith('/')) {
    throw new PathTemplateError(`the template ${JSON.stringify(template)} must start with "/"`);
  }
  const trimmed = template.length > 1 && template.endsWith('/') ? template.slice(0, -1) : template;
  if (trimmed === '/') return [];
  const segments = trimmed
    .slice(1)
    .split('/')
    .map((text, index, all) => {
      if (text === '')
        throw new PathTemplateError(
          `the template ${JSON.stringify(template)} has an empty segment`,
        );
      const segment = parseSegment(text);
      if (segment.kind === 'greedy' && index !== all.length - 1) {
        throw new PathTemplateError(
          `the greedy parameter {${segment.name}+} must be the last segment`,
        );
      }
      return segment;
    });
  const names = segments.flatMap((segment) => (segment.kind === 'static' ? [] : [segment.name]));
  const repeated = names.find((name, index) => names.indexOf(name) !== index);
  if (repeated !== undefined)
    throw new PathTemplateError(`the parameter {${repeated}} appears twice`);
  return segments;
}

/** The template in canonical form, parameter names erased: equal keys mean the same routes. */
export function templateShape(segments: readonly PathSegment[]): string {
  const parts = segments.map((segment) =>
    segment.kind === 'static' ? segment.value : segment.kind === 'param' ? '{}' : '{+}',
  );
  return `/${parts.join('/')}`;
}

/** The template written back in canonical form, names kept (`/users/{id}`). */
export function formatTemplate(segments: readonly PathSegment[]): string {
  const parts = segments.map((segment) =>
    segment.kind === 'static'
      ? segment.value
      : segment.kind === 'param'
        ? `{${segment.name}}`
        : `{${segment.name}+}`,
  );
  return `/${parts.join('/')}`;
}
