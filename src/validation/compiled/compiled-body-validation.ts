import type { ValidatorOptions } from 'class-validator';
import { type CompiledValidator, compileValidator } from './compile-validator';

/**
 * class-validator's options plus the framework's own switch.
 *
 * @example
 * ```ts
 * const options: BodyValidatorOptions = { compile: false, stopAtFirstError: true };
 * ```
 */
export interface BodyValidatorOptions extends ValidatorOptions {
  /**
   * Compile each DTO's rules into one function at its first request; `false` keeps
   * class-validator for every body. @defaultValue true
   */
  readonly compile?: boolean;
}

/** How the bodies validated with one options object are validated. */
export interface BodyValidation {
  /** The options for class-validator: the given ones without `compile`. */
  readonly classValidatorOptions: ValidatorOptions;
  /** The DTO's compiled validator, compiled on first call, or `undefined` to use class-validator. */
  compiledFor<T extends object>(dto: new () => T): CompiledValidator<T> | undefined;
}

const byOptions = new WeakMap<BodyValidatorOptions, BodyValidation>();

/**
 * The body validation for an options object, made once per object: handler options are resolved
 * once per container, so the per-request cost is two `WeakMap` reads.
 *
 * A DTO compiles at its first request rather than at cold start: by then every class its
 * `@Type`s name is loaded, and compiling (about a millisecond for the first DTO of a process,
 * a few hundred microseconds for the next, in `npm run bench -- --validators`) is spent only on
 * the DTOs a container actually receives, where at cold start every container would pay for
 * every DTO of the function before its first request.
 *
 * @example
 * ```ts
 * const validation = bodyValidationFor(DEFAULT_VALIDATOR_OPTIONS);
 * const compiled = validation.compiledFor(CreateUserDto);
 * ```
 */
export function bodyValidationFor(options: BodyValidatorOptions): BodyValidation {
  const known = byOptions.get(options);
  if (known !== undefined) return known;
  const { compile = true, ...classValidatorOptions } = options;
  // `null` records "decided: not compilable", so that decision is made once per DTO too.
  const compiled = new WeakMap<object, CompiledValidator<object> | null>();
  const validation: BodyValidation = {
    classValidatorOptions,
    compiledFor<T extends object>(dto: new () => T): CompiledValidator<T> | undefined {
      if (!compile) return undefined;
      let validator = compiled.get(dto);
      if (validator === undefined) {
        validator = compileValidator(dto, classValidatorOptions) ?? null;
        compiled.set(dto, validator);
      }
      // The map is keyed by the DTO class, so its entry validates instances of that class.
      return (validator ?? undefined) as CompiledValidator<T> | undefined;
    },
  };
  byOptions.set(options, validation);
  return validation;
}
