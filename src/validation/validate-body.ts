import { plainToInstance } from 'class-transformer';
import { type ValidationError, type ValidatorOptions, validate } from 'class-validator';
import { BadRequestError } from '../errors/http-error';
import { withoutStack } from '../errors/without-stack';
import { truncateInput } from '../http/echo-input';
import { setEntry } from '../http/headers';
import { type BodyValidatorOptions, bodyValidationFor } from './compiled/compiled-body-validation';

/** The validator settings every body gets unless `createHandler` options change them. */
export const DEFAULT_VALIDATOR_OPTIONS: ValidatorOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  validationError: { target: false, value: false },
};

/** The most fields a validation problem lists; the rest are only counted. */
export const MAX_ERROR_FIELDS = 20;
/** The most messages a validation problem lists per field. */
export const MAX_MESSAGES_PER_FIELD = 5;
/**
 * Characters of field paths and messages, as JSON, that one problem may carry. Paths and messages
 * repeat property names and values from the body, so without a budget a body of 100,000 bad
 * items or of long unknown keys would come back as a problem of megabytes.
 */
const ERROR_TEXT_BUDGET = 2_000;

/** The fields a validation problem lists, and how many messages it left out. */
export interface FieldErrors {
  readonly fields: Record<string, string[]>;
  readonly omitted: number;
}

/**
 * Flattens class-validator's error tree (paths under `prefix`) to
 * `{ "address.city": ["..."], "items.0.name": [...] }`, keeping at most
 * {@link MAX_ERROR_FIELDS} fields of {@link MAX_MESSAGES_PER_FIELD} messages each, each text cut
 * to a hundred characters, all within a budget of a few kilobytes. Every message left out is
 * counted in `omitted`.
 */
export function toFieldErrors(errors: readonly ValidationError[], prefix: string): FieldErrors {
  const collected = new FieldErrorList();
  collected.visit(errors, prefix);
  return { fields: collected.fields, omitted: collected.omitted };
}

/**
 * The fields listed so far and what is left of the budget. A class rather than closures in
 * {@link toFieldErrors}: the build names every closure it makes, which costs on each failed body.
 */
class FieldErrorList {
  // A plain object, which the problem's JSON.stringify writes twice as fast as a null-prototype
  // one: entries are read as own properties and set with setEntry.
  readonly fields: Record<string, string[]> = {};
  omitted = 0;
  #listed = 0;
  #budget = ERROR_TEXT_BUDGET;

  visit(level: readonly ValidationError[], parent: string): void {
    for (const error of level) {
      const path = parent === '' ? error.property : `${parent}.${error.property}`;
      if (error.constraints !== undefined) this.#list(path, Object.values(error.constraints));
      // Recursion follows the body's nesting, which parseJsonBody bounds.
      if (error.children !== undefined && error.children.length > 0)
        this.visit(error.children, path);
    }
  }

  #list(path: string, messages: readonly string[]): void {
    const key = truncateInput(path);
    // The path appears twice: as a key of `errors` and in the detail.
    const cost = 2 * JSON.stringify(key).length;
    if (this.#listed === MAX_ERROR_FIELDS || cost > this.#budget) {
      this.omitted += messages.length;
      return;
    }
    this.#budget -= cost;
    this.#listed += 1;
    // Two long paths may share their first hundred characters: their messages then share a key.
    const shown = Object.hasOwn(this.fields, key) ? (this.fields[key] as string[]) : [];
    for (const message of messages) {
      const text = truncateInput(message);
      const length = JSON.stringify(text).length;
      if (shown.length >= MAX_MESSAGES_PER_FIELD || length > this.#budget) this.omitted += 1;
      else {
        this.#budget -= length;
        shown.push(text);
      }
    }
    setEntry(this.fields, key, shown);
  }
}

function validationFailed(errors: readonly ValidationError[]): BadRequestError {
  const { fields, omitted } = toFieldErrors(errors, '');
  const more = omitted > 0 ? ` and ${omitted} more ${omitted === 1 ? 'error' : 'errors'}` : '';
  return withoutStack(
    BadRequestError,
    `The body failed validation: ${Object.keys(fields).join(', ')}${more}.`,
    { extensions: omitted > 0 ? { errors: fields, errorsOmitted: omitted } : { errors: fields } },
  );
}

async function validateWithClassValidator<T extends object>(
  dto: new () => T,
  json: object,
  options: ValidatorOptions,
): Promise<T> {
  const instance = plainToInstance(dto, json);
  const errors = await validate(instance, options);
  if (errors.length > 0) throw validationFailed(errors);
  return instance;
}

/**
 * Transforms a parsed JSON body into an instance of `dto` and validates it. A DTO whose rules
 * compile (see `compileValidator`) is validated synchronously and its instance returned as is;
 * any other goes through `plainToInstance` and class-validator's `validate`, and comes as a
 * promise. A compiled DTO's failure is thrown at once; class-validator's rejects.
 *
 * @throws BadRequestError when the body is not a JSON object or fails validation (a rejection
 * when class-validator validated it); its `errors` extension maps each field path to its
 * messages.
 */
export function validateBody<T extends object>(
  dto: new () => T,
  json: unknown,
  options: BodyValidatorOptions,
): T | Promise<T> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    const kind = json === null ? 'null' : Array.isArray(json) ? 'an array' : `a ${typeof json}`;
    throw withoutStack(BadRequestError, `The body must be a JSON object; got ${kind}.`);
  }
  const validation = bodyValidationFor(options);
  const result = validation.compiledFor(dto)?.(json);
  if (result === undefined)
    return validateWithClassValidator(dto, json, validation.classValidatorOptions);
  if (result.errors !== undefined) throw validationFailed(result.errors);
  return result.instance;
}
