import { tryDecode } from '../http/encoding';
import type { EventRecord } from './event-fields';

/** One segment of a resource template: a literal, or `undefined` for "any single segment". */
type TemplateSegment = string | undefined;

/**
 * Removes the base-path mapping of a custom domain from a payload 1.0 `path`.
 *
 * On a custom domain, `path` keeps the mapping (`/v1/payment`) while `resource` is the API's own
 * template (`/payment`). With `basePath` configured, that prefix is removed when present. Without
 * it, the prefix is derived: `resource` describes the path after the mapping, so when `path` has
 * more segments than the template and its last segments match the template, the extra leading
 * segments are the mapping. A greedy `{proxy+}` counts as many segments as its value in
 * `pathParameters` has, which keeps `/user/{proxy+}` on `/user/session`, never `/session`.
 * Anything that does not line up (`$default`, a missing parameter) leaves `path` unchanged.
 *
 * @param path - The event's `path`, percent-encoding intact.
 * @param basePath - The configured base path, if any.
 * @param resource - The event's `resource`.
 * @param pathParameters - The event's `pathParameters` (decoded by API Gateway).
 * @returns The path the routes are written against.
 */
export function stripBasePath(
  path: string,
  basePath: string | undefined,
  resource: string | undefined,
  pathParameters: EventRecord | undefined,
): string {
  if (basePath !== undefined) return stripConfigured(path, basePath);
  const template = resource === undefined ? undefined : parseTemplate(resource, pathParameters);
  return template === undefined ? path : stripDerived(path, template);
}

function stripConfigured(path: string, basePath: string): string {
  const prefix = `/${basePath.split('/').filter(Boolean).join('/')}`;
  if (prefix === '/') return path;
  if (path === prefix) return '/';
  return path.startsWith(`${prefix}/`) ? path.slice(prefix.length) : path;
}

function stripDerived(path: string, template: readonly TemplateSegment[]): string {
  const segments = path.split('/').slice(1);
  // A trailing slash adds an empty segment that no template has; match without it.
  const comparable = segments.at(-1) === '' ? segments.slice(0, -1) : segments;
  const extra = comparable.length - template.length;
  if (extra <= 0) return path;
  const matches = comparable.slice(extra).every((segment, index) => {
    const literal = template[index];
    return literal === undefined || tryDecode(segment) === literal;
  });
  return matches ? `/${segments.slice(extra).join('/')}` : path;
}

function parseTemplate(
  resource: string,
  pathParameters: EventRecord | undefined,
): TemplateSegment[] | undefined {
  if (!resource.startsWith('/')) return undefined;
  const template: TemplateSegment[] = [];
  const parts = resource === '/' ? [] : resource.slice(1).split('/');
  for (const [index, part] of parts.entries()) {
    if (!(part.startsWith('{') && part.endsWith('}'))) {
      template.push(part);
      continue;
    }
    if (!part.endsWith('+}')) {
      template.push(undefined);
      continue;
    }
    const value = pathParameters?.[part.slice(1, -2)];
    if (index !== parts.length - 1 || typeof value !== 'string' || value === '') return undefined;
    // One undefined per segment of the value; a loop, because spreading a value of 100,000
    // segments into push() overflows the stack.
    for (let at = value.indexOf('/'); at !== -1; at = value.indexOf('/', at + 1)) {
      template.push(undefined);
    }
    template.push(undefined);
  }
  return template;
}
