import { BadRequestError } from '../errors/http-error';
import { truncateInput } from '../http/echo-input';

/** Keys that could reach an object's prototype once class-transformer assigns them. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor']);

/** How deep a JSON body may nest unless `maxJsonDepth` says otherwise. */
export const DEFAULT_MAX_JSON_DEPTH = 64;

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

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/**
 * Whether `text` opens more than `maxDepth` arrays or objects inside each other, read in one flat
 * pass (brackets inside strings do not count). It runs before `JSON.parse`, because the reviver,
 * class-transformer and class-validator all recurse once per level and a few kilobytes of `[`
 * would otherwise exhaust the call stack.
 */
function nestsDeeperThan(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === BACKSLASH) index += 1;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) {
      inString = true;
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      depth += 1;
      if (depth > maxDepth) return true;
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      depth -= 1;
    }
  }
  return false;
}

/**
 * Parses a JSON request body, refusing `__proto__` and `constructor` keys at any depth and
 * nesting deeper than `maxDepth`.
 *
 * @param text - The body as text.
 * @param maxDepth - The deepest nesting of arrays and objects accepted.
 * @throws BadRequestError for malformed JSON, a forbidden key or nesting past `maxDepth`.
 */
export function parseJsonBody(text: string, maxDepth = DEFAULT_MAX_JSON_DEPTH): unknown {
  if (nestsDeeperThan(text, maxDepth)) {
    throw new BadRequestError(
      `The body nests arrays and objects more than ${maxDepth} levels deep; the limit is ${maxDepth}.`,
      { extensions: { maxJsonDepth: maxDepth } },
    );
  }
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
    // A SyntaxError names the fault and its position, which helps the client. Anything else
    // (a RangeError from the reviver, were the depth check ever bypassed) says nothing a client
    // can act on, and its message must not leak.
    const reason = error instanceof SyntaxError ? `: ${truncateInput(error.message, 200)}` : '.';
    throw new BadRequestError(`The body is not valid JSON${reason}`, { cause: error });
  }
}
