import { BadRequestError } from '../errors/http-error';

/** Keys that could reach an object's prototype once class-transformer assigns them. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor']);

class ForbiddenKeyError extends Error {
  constructor(readonly key: string) {
    super(`forbidden key ${key}`);
    this.name = 'ForbiddenKeyError';
  }
}

function refuseForbiddenKeys(key: string, value: unknown): unknown {
  if (FORBIDDEN_KEYS.has(key)) throw new ForbiddenKeyError(key);
  return value;
}

/**
 * Parses a JSON request body, refusing `__proto__` and `constructor` keys at any depth.
 *
 * @throws BadRequestError for malformed JSON or a forbidden key.
 */
export function parseJsonBody(text: string): unknown {
  // The reviver visits every value, so it runs only when a forbidden key could be present:
  // spelled out, or hidden behind a \u escape.
  const mayHideKey =
    text.includes('__proto__') || text.includes('constructor') || text.includes('\\u');
  try {
    return mayHideKey ? JSON.parse(text, refuseForbiddenKeys) : JSON.parse(text);
  } catch (error) {
    if (error instanceof ForbiddenKeyError) {
      throw new BadRequestError(`The body may not contain the key "${error.key}".`, {
        extensions: { errors: { [error.key]: ['is not allowed'] } },
      });
    }
    // JSON.parse throws only SyntaxError; its message (position of the fault) helps the client.
    throw new BadRequestError(`The body is not valid JSON: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
