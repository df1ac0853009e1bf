import { HttpResponse } from '../http/response';
import type { Middleware, RequestContext } from './middleware';

/** Runs a composed chain around `inner`, the method (or the framework's own answer). */
export type MiddlewareChain = (
  ctx: RequestContext,
  inner: () => HttpResponse | Promise<HttpResponse>,
) => Promise<HttpResponse>;

export class NextCalledTwiceError extends Error {
  constructor(position: number) {
    super(
      `Middleware ${position + 1} of the chain called next() more than once; the inner layers ` +
        'and the method run once per request.',
    );
    this.name = 'NextCalledTwiceError';
  }
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return `an object (${value.constructor?.name ?? 'no class'})`;
  return typeof value;
}

/**
 * Composes middleware once, at cold start, in the order given. Returns `undefined` for none, so
 * the caller keeps a path without any per-request closure.
 */
export function composeMiddleware(middleware: readonly Middleware[]): MiddlewareChain | undefined {
  if (middleware.length === 0) return undefined;
  const chain = [...middleware];
  return (ctx, inner) => new ChainRun(chain, ctx, inner).step(0);
}

/**
 * One request's pass through a chain. A class rather than closures made per request: the
 * build names every closure it can (a property definition each), on the path every request
 * with middleware takes.
 */
class ChainRun {
  #reached = -1;

  constructor(
    readonly chain: readonly Middleware[],
    readonly ctx: RequestContext,
    readonly inner: () => HttpResponse | Promise<HttpResponse>,
  ) {}

  async step(index: number): Promise<HttpResponse> {
    if (index <= this.#reached) throw new NextCalledTwiceError(index - 1);
    this.#reached = index;
    const current = this.chain[index];
    if (current === undefined) return this.inner();
    const response: unknown = await current(this.ctx, () => this.step(index + 1));
    // Plain JavaScript can return anything; a clear 500 beats a crash while serializing.
    if (!(response instanceof HttpResponse)) {
      throw new TypeError(
        `Middleware ${index + 1} of the chain (${current.name || 'anonymous'}) resolved to ` +
          `${describeValue(response)}, not an HttpResponse.`,
      );
    }
    return response;
  }
}
