import { BadRequestError } from '../errors/http-error';
import { withoutStack } from '../errors/without-stack';
import { quoteInput } from '../http/echo-input';
import type { ScalarType } from '../metadata/design-types';

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function invalid(
  location: 'path' | 'query',
  name: string,
  message: string,
  value: string | readonly string[],
): BadRequestError {
  const label = location === 'path' ? 'Path parameter' : 'Query parameter';
  const got =
    typeof value === 'string'
      ? quoteInput(value)
      : value.length <= 3
        ? `[${value.map((item) => quoteInput(item)).join(',')}]`
        : `${value.length} values`;
  return withoutStack(BadRequestError, `${label} "${name}" ${message}; got ${got}.`, {
    extensions: { errors: { [`${location}.${name}`]: [message] } },
  });
}

/**
 * Converts a path or query value to its declared type. Numbers must be finite decimals
 * (`""`, `"abc"`, `"NaN"`, `"Infinity"`, `"0x1f"` are refused); booleans are `true`/`false`/`1`/`0`
 * in any case. A scalar that arrived more than once is refused rather than silently picking one.
 *
 * @throws BadRequestError naming the parameter, the value and the expected type.
 */
export function coerceValue(
  raw: string | readonly string[] | undefined,
  type: ScalarType | 'array',
  location: 'path' | 'query',
  name: string,
): unknown {
  if (raw === undefined) return undefined;
  if (type === 'array') return typeof raw === 'string' ? [raw] : [...raw];
  if (typeof raw !== 'string') throw invalid(location, name, 'must be given once', raw);
  switch (type) {
    case 'string':
      return raw;
    case 'number': {
      const value = Number(raw);
      if (!NUMBER.test(raw) || !Number.isFinite(value))
        throw invalid(location, name, 'must be a number', raw);
      return value;
    }
    case 'boolean': {
      const lower = raw.toLowerCase();
      if (lower === 'true' || lower === '1') return true;
      if (lower === 'false' || lower === '0') return false;
      throw invalid(location, name, 'must be true, false, 1 or 0', raw);
    }
    /* istanbul ignore next -- exhaustive: the type checker proves this unreachable */
    default:
      return type satisfies never;
  }
}
