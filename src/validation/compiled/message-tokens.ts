import type { ValidationArguments } from 'class-validator';

/** A decorator's `message`: text with `$property`-style tokens, or a function of the arguments. */
export type MessageSource = string | ((args: ValidationArguments) => string);

// class-validator's own formatting of a constraint in a message (not exported by the package).
export function constraintToString(constraint: unknown): string {
  if (Array.isArray(constraint)) return constraint.join(', ');
  return `${typeof constraint === 'symbol' ? constraint.description : constraint}`;
}

const constraintTokens: RegExp[] = [];

// `replace` starts a global expression from index 0 whatever its lastIndex, so one per position
// serves every message (class-validator builds it anew for each).
function constraintToken(index: number): RegExp {
  let token = constraintTokens[index];
  if (token === undefined) {
    token = new RegExp(`\\$constraint${index + 1}`, 'g');
    constraintTokens[index] = token;
  }
  return token;
}

/** Whether `text` may hold `token`: a message function may return a non-string, left to `replace`. */
function mayHold(text: unknown, token: string): boolean {
  return typeof text !== 'string' || text.includes(token);
}

/**
 * The text of a failed rule's message, with the tokens `$constraintN`, `$value`, `$property` and
 * `$target` replaced as class-validator replaces them: with `String.prototype.replace` and the
 * value as replacement text, so `$&` or `$1` inside a value expand the same way.
 *
 * @example
 * ```ts
 * replaceMessageTokens('$property must be longer than $constraint1', {
 *   targetName: 'UserDto', property: 'name', object: {}, value: '', constraints: [1],
 * }); // 'name must be longer than 1'
 * ```
 */
export function replaceMessageTokens(
  message: MessageSource | undefined,
  args: ValidationArguments,
): string {
  return replaceTokens(typeof message === 'function' ? message(args) : message, args);
}

/**
 * {@link replaceMessageTokens} on a message's text, once a message function gave it: whatever it
 * gave, a non-string included, as class-validator takes it.
 */
export function replaceTokens(message: unknown, args: ValidationArguments): string {
  let text = message as string | undefined;
  const { constraints } = args;
  // Each replacement runs only when its token is in the text as it stands: a global replace of
  // an absent token gives the text unchanged, and the regular expressions are most of the cost.
  if (text && Array.isArray(constraints) && mayHold(text, '$constraint')) {
    // class-validator walks them with forEach, so a hole in the array is skipped here too.
    for (let index = 0; index < constraints.length; index++) {
      if (index in constraints) {
        text = text?.replace(constraintToken(index), constraintToString(constraints[index]));
      }
    }
  }
  const { value } = args;
  if (
    text &&
    (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') &&
    mayHold(text, '$value')
  )
    text = text.replace(/\$value/g, String(value));
  if (text && mayHold(text, '$property')) text = text.replace(/\$property/g, args.property);
  if (text && mayHold(text, '$target')) text = text.replace(/\$target/g, args.targetName);
  // class-validator keeps whatever a message function returned, even a non-string.
  return text as string;
}
