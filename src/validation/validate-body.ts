import { plainToInstance } from 'class-transformer';
import { type ValidationError, type ValidatorOptions, validate } from 'class-validator';
import { BadRequestError } from '../errors/http-error';

/** The validator settings every body gets unless `createHandler` options change them. */
export const DEFAULT_VALIDATOR_OPTIONS: ValidatorOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  validationError: { target: false, value: false },
};

/**
 * Flattens class-validator's error tree (paths under `prefix`) to
 * `{ "address.city": ["..."], "items.0.name": [...] }`.
 */
export function toFieldErrors(
  errors: readonly ValidationError[],
  prefix: string,
): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const error of errors) {
    const path = prefix === '' ? error.property : `${prefix}.${error.property}`;
    if (error.constraints !== undefined) fields[path] = Object.values(error.constraints);
    if (error.children !== undefined && error.children.length > 0) {
      Object.assign(fields, toFieldErrors(error.children, path));
    }
  }
  return fields;
}

/**
 * Transforms a parsed JSON body into an instance of `dto` and validates it.
 *
 * @throws BadRequestError when the body is not a JSON object or fails validation; its `errors`
 * extension maps each field path to its messages.
 */
export async function validateBody<T extends object>(
  dto: new () => T,
  json: unknown,
  options: ValidatorOptions,
): Promise<T> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    const kind = json === null ? 'null' : Array.isArray(json) ? 'an array' : `a ${typeof json}`;
    throw new BadRequestError(`The body must be a JSON object; got ${kind}.`);
  }
  const instance = plainToInstance(dto, json);
  const errors = await validate(instance, options);
  if (errors.length > 0) {
    const fields = toFieldErrors(errors, '');
    throw new BadRequestError(`The body failed validation: ${Object.keys(fields).join(', ')}.`, {
      extensions: { errors: fields },
    });
  }
  return instance;
}
