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

/** How many members one JSON object may have unless `maxJsonKeys` says otherwise. */
export const DEFAULT_MAX_JSON_KEYS = 1_000;

/** Limits on a body's shape, checked before it is parsed. */
export interface JsonLimits {
  /** Deepest nesting of arrays and objects. */
  readonly maxDepth: number;
  /** Most members of any one object. */
  readonly maxKeys: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
/** Marks an array on the stack of open containers: its members are not counted. */
const ARRAY = -1;

/**
 * Which limit `text` breaks, read in one flat pass (brackets and colons inside strings do not
 * count), or `undefined`. It runs before `JSON.parse` because the reviver, class-transformer and
 * class-validator recurse once per level, so a few kilobytes of `[` would exhaust the call stack;
 * and because class-transformer removes duplicate keys with a scan per key, so an object of
 * 70,000 keys would cost seconds.
 */
function brokenLimit(text: string, limits: JsonLimits): 'depth' | 'keys' | undefined {
  // Members counted so far in each open container; ARRAY for arrays.
  const open = new Int32Array(Math.min(limits.maxDepth, text.length) + 1);
  let depth = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === QUOTE) {
      // Skip the string: its end is the next quote not escaped by a backslash.
      for (index += 1; index < text.length; index += 1) {
        const inner = text.charCodeAt(index);
        if (inner === BACKSLASH) index += 1;
        else if (inner === QUOTE) break;
      }
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      if (depth === limits.maxDepth) return 'depth';
      depth += 1;
      open[depth] = code === OPEN_BRACE ? 0 : ARRAY;
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      if (depth > 0) depth -= 1;
    } else if (code === COLON && depth > 0 && open[depth] !== ARRAY) {
      // A colon outside a string ends one member's key.
      const members = (open[depth] ?? 0) + 1;
      if (members > limits.maxKeys) return 'keys';
      open[depth] = members;
    }
  }
  return undefined;
}

/**
 * Parses a JSON request body, refusing `__proto__` and `constructor` keys at any depth, nesting
 * deeper than `limits.maxDepth` and objects of more than `limits.maxKeys` members.
 *
 * @param text - The body as text.
 * @param limits - The shape a body may have.
 * @throws BadRequestError for malformed JSON, a forbidden key or a body past a limit.
 */
export function parseJsonBody(
  text: string,
  limits: JsonLimits = { maxDepth: DEFAULT_MAX_JSON_DEPTH, maxKeys: DEFAULT_MAX_JSON_KEYS },
): unknown {
  // Every member needs a colon and every level a bracket: a text no longer than both limits
  // cannot break either, and most bodies are that short.
  const broken =
    text.length <= Math.min(limits.maxDepth, limits.maxKeys)
      ? undefined
      : brokenLimit(text, limits);
  if (broken === 'depth') {
    const { maxDepth } = limits;
    throw new BadRequestError(
      `The body nests arrays and objects more than ${maxDepth} levels deep; the limit is ${maxDepth}.`,
      { extensions: { maxJsonDepth: maxDepth } },
    );
  }
  if (broken === 'keys') {
    const { maxKeys } = limits;
    throw new BadRequestError(
      `An object in the body has more than ${maxKeys} members; the limit is ${maxKeys}.`,
      { extensions: { maxJsonKeys: maxKeys } },
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
