import type { ValidatorOptions } from 'class-validator';

/** The validator options the compiled path reproduces, as class-validator reads them. */
export interface ValidationSettings {
  /** `validationError.target`: errors carry the validated object. */
  readonly target: boolean;
  /** `validationError.value`: errors carry the validated value. */
  readonly value: boolean;
  readonly whitelist: boolean;
  readonly forbidNonWhitelisted: boolean;
  readonly forbidUnknownValues: boolean;
}

const SUPPORTED_KEYS: ReadonlySet<string> = new Set([
  'whitelist',
  'forbidNonWhitelisted',
  'forbidUnknownValues',
  'validationError',
]);

/**
 * Reads `options` the way class-validator's executor does, or returns `undefined` when they set
 * anything beyond the framework defaults' keys (groups, `skipMissingProperties`,
 * `stopAtFirstError`, …): those keep class-validator.
 *
 * @example
 * ```ts
 * readValidationSettings({ whitelist: true, validationError: { target: false } })?.target; // false
 * readValidationSettings({ groups: ['admin'] }); // undefined
 * ```
 */
export function readValidationSettings(options: ValidatorOptions): ValidationSettings | undefined {
  for (const [key, value] of Object.entries(options)) {
    if (value !== undefined && !SUPPORTED_KEYS.has(key)) return undefined;
  }
  const shape = options.validationError;
  if (shape && Object.keys(shape).some((key) => key !== 'target' && key !== 'value')) {
    return undefined;
  }
  return {
    target: !shape || shape.target === undefined || shape.target === true,
    value: !shape || shape.value === undefined || shape.value === true,
    whitelist: Boolean(options.whitelist),
    forbidNonWhitelisted: Boolean(options.forbidNonWhitelisted),
    forbidUnknownValues: options.forbidUnknownValues !== false,
  };
}
