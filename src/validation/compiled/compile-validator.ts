import type { ValidationError, ValidatorOptions } from 'class-validator';
import { compileClassValidation, type ValidationsByClass } from './compile-class-validation';
import { compileTransform, type InstanceTransform, LeaveCompiledPath } from './compile-transform';
import { readValidationSettings } from './validation-settings';

/** What a compiled validator finds: the DTO instance, or class-validator's error tree. */
export type CompiledResult<T> =
  | { readonly instance: T; readonly errors?: undefined }
  | { readonly instance?: undefined; readonly errors: ValidationError[] };

/**
 * `plainToInstance(dto, json)` then `validate(instance, options)`, as one synchronous function.
 * It answers `undefined` for the rare body only class-transformer can shape (a `@Type` function
 * that names another class than it did while compiling): validate that one with class-validator.
 */
export type CompiledValidator<T> = (json: object) => CompiledResult<T> | undefined;

/**
 * Compiles a DTO's class-transformer and class-validator metadata, read from their own storages,
 * into one function that gives exactly what `plainToInstance` + `validate` give, or returns
 * `undefined` when the DTO (or a class it nests) uses anything the compiler does not reproduce:
 * the DTO then stays with class-validator as a whole.
 *
 * @example
 * ```ts
 * const validate = compileValidator(CreateUserDto, DEFAULT_VALIDATOR_OPTIONS);
 * const result = validate?.({ name: 'Ada', email: 'ada@example.com' });
 * if (result?.errors === undefined) result?.instance; // a CreateUserDto
 * ```
 */
export function compileValidator<T extends object>(
  dto: new () => T,
  options: ValidatorOptions,
): CompiledValidator<T> | undefined {
  const settings = readValidationSettings(options);
  if (settings === undefined) return undefined;
  const transforms = new Map<unknown, InstanceTransform | undefined>();
  const transform = compileTransform(dto, transforms);
  if (transform === undefined) return undefined;
  // Every class the transformation can build, and the plain objects it copies without `@Type`.
  const validations: ValidationsByClass = new Map();
  const classes = [...transforms.values()].map((compiled) => compiled?.cls ?? Object);
  for (const cls of new Set([Object, ...classes])) {
    if (compileClassValidation(cls, settings, validations) === undefined) return undefined;
  }
  const validation = validations.get(dto);
  /* istanbul ignore next -- the loop above compiled the DTO or returned */
  if (validation === undefined) return undefined;
  return (json) => {
    try {
      const instance = transform.run(json, { options: undefined });
      const errors: ValidationError[] = [];
      validation.run(instance, errors);
      return errors.length > 0 ? { errors } : { instance: instance as T };
    } catch (error) {
      // Not a failure: the documented `undefined`, for class-validator to answer this body.
      if (error instanceof LeaveCompiledPath) return undefined;
      throw error;
    }
  };
}
