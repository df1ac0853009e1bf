import { tryDecode } from '../http/encoding';
import type { PathSegment } from './path-pattern';

interface Leaf<T> {
  readonly value: T;
  /** Names of the template's parameters, in path order. */
  readonly paramNames: readonly string[];
}

interface Node<T> {
  readonly statics: Record<string, Node<T>>;
  param: Node<T> | undefined;
  greedy: Node<T> | undefined;
  readonly leaves: Map<string, Leaf<T>>;
}

function createNode<T>(): Node<T> {
  // Null prototype: a request segment such as "__proto__" or "constructor" must not find a child.
  return { statics: Object.create(null), param: undefined, greedy: undefined, leaves: new Map() };
}

/** The outcome of matching a request. */
export type MatchResult<T> =
  | { readonly kind: 'found'; readonly value: T; readonly params: Readonly<Record<string, string>> }
  | { readonly kind: 'method-not-allowed'; readonly allow: readonly string[] }
  | { readonly kind: 'not-found' };

/**
 * Splits a request path into percent-decoded segments. One trailing slash is ignored (`/users/`
 * matches `/users`); decoding after splitting keeps `a%2Fb` one segment.
 */
export function splitRequestPath(path: string): string[] {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  if (trimmed === '/' || trimmed === '') return [];
  const segments = trimmed.slice(1).split('/');
  // Most paths hold no escape at all: then no segment needs decoding.
  return trimmed.includes('%') ? segments.map(tryDecode) : segments;
}

/**
 * A segment trie. Lookup walks one node per path segment, trying a static child before a
 * parameter before a greedy parameter, so the cost depends on the path's depth, not on how many
 * routes exist.
 */
export class RouteMatcher<T> {
  readonly #root: Node<T> = createNode();

  /** Adds a route; returns the value already registered for this method and shape, if any. */
  add(method: string, segments: readonly PathSegment[], value: T): T | undefined {
    let node = this.#root;
    for (const segment of segments) {
      if (segment.kind === 'static') {
        node.statics[segment.value] ??= createNode();
        node = node.statics[segment.value] as Node<T>;
      } else if (segment.kind === 'param') {
        node.param ??= createNode();
        node = node.param;
      } else {
        node.greedy ??= createNode();
        node = node.greedy;
      }
    }
    const existing = node.leaves.get(method);
    if (existing !== undefined) return existing.value;
    const paramNames = segments.flatMap((segment) =>
      segment.kind === 'static' ? [] : [segment.name],
    );
    node.leaves.set(method, { value, paramNames });
    return undefined;
  }

  match(method: string, path: string): MatchResult<T> {
    const segments = splitRequestPath(path);
    const values: string[] = [];
    const found = this.#find(this.#root, segments, 0, method, values);
    if (found !== undefined) {
      const params: Record<string, string> = Object.create(null);
      const names = found.paramNames;
      for (let index = 0; index < names.length; index++) {
        params[names[index] as string] = values[index] ?? '';
      }
      return { kind: 'found', value: found.value, params };
    }
    const methods = new Set<string>();
    this.#collectMethods(this.#root, segments, 0, methods);
    if (methods.size === 0) return { kind: 'not-found' };
    if (methods.has('GET')) methods.add('HEAD');
    methods.add('OPTIONS');
    return { kind: 'method-not-allowed', allow: [...methods].sort() };
  }

  #leafFor(node: Node<T>, method: string): Leaf<T> | undefined {
    return node.leaves.get(method) ?? (method === 'HEAD' ? node.leaves.get('GET') : undefined);
  }

  #find(
    node: Node<T>,
    segments: string[],
    index: number,
    method: string,
    values: string[],
  ): Leaf<T> | undefined {
    const segment = segments[index];
    if (segment === undefined) return this.#leafFor(node, method);
    const staticChild = node.statics[segment];
    if (staticChild !== undefined) {
      const found = this.#find(staticChild, segments, index + 1, method, values);
      if (found !== undefined) return found;
    }
    if (node.param !== undefined && segment !== '') {
      values.push(segment);
      const found = this.#find(node.param, segments, index + 1, method, values);
      if (found !== undefined) return found;
      values.pop();
    }
    if (node.greedy !== undefined) {
      const rest = segments.slice(index).join('/');
      const leaf = rest === '' ? undefined : this.#leafFor(node.greedy, method);
      if (leaf !== undefined) {
        values.push(rest);
        return leaf;
      }
    }
    return undefined;
  }

  #collectMethods(node: Node<T>, segments: string[], index: number, methods: Set<string>): void {
    const segment = segments[index];
    if (segment === undefined) {
      for (const method of node.leaves.keys()) methods.add(method);
      return;
    }
    const staticChild = node.statics[segment];
    if (staticChild !== undefined) this.#collectMethods(staticChild, segments, index + 1, methods);
    if (node.param !== undefined && segment !== '') {
      this.#collectMethods(node.param, segments, index + 1, methods);
    }
    if (node.greedy !== undefined && segments.slice(index).join('/') !== '') {
      for (const method of node.greedy.leaves.keys()) methods.add(method);
    }
  }
}
