import {
  getMetadataStorage,
  IS_OPTIONAL,
  type MetadataStorage,
  type ValidationArguments,
  ValidationError,
  ValidationTypes,
} from 'class-validator';
import { LeaveCompiledPath } from './compile-transform';
import { checkFor, type ValueCheck } from './constraint-checks';
import {
  constraintToString,
  type MessageSource,
  replaceMessageTokens,
  replaceTokens,
} from './message-tokens';
import type { AnyClass } from './transformer-metadata';
import type { ValidationSettings } from './validation-settings';

type ValidationMetadata = ReturnType<MetadataStorage['getTargetValidationMetadatas']>[number];
type ConstraintMetadata = ReturnType<MetadataStorage['getTargetValidatorConstraints']>[number];
type Constraints = Record<string, string>;

/** Validates the objects of one class into an error list, as class-validator's executor does. */
export interface ClassValidation {
  run(object: object, errors: ValidationError[]): void;
}

/** The compiled validations by class: a nested object is validated by its constructor's entry. */
export type ValidationsByClass = Map<unknown, ClassValidation>;

interface RuleStep {
  readonly metadata: ValidationMetadata;
  readonly constraint: ConstraintMetadata;
  /** The error key: the constraint's name, as class-validator keys it. */
  readonly type: string;
  readonly check: ValueCheck;
  /**
   * The messages written so far, by their text before the tokens were replaced; `undefined` when
   * the rule's property or constraints could bring in a token that differs per call.
   */
  readonly messages: Map<string, string> | undefined;
}

/**
 * The most texts kept per rule: a default message has one or two, a message function may make
 * a new one per value.
 */
const MAX_KEPT_MESSAGES = 16;

interface PropertyStep {
  readonly name: string;
  readonly optional: boolean;
  /** `IsDefined` rules, which class-validator runs before the others. */
  readonly defined: readonly RuleStep[];
  readonly rules: readonly RuleStep[];
  readonly nested: readonly ValidationMetadata[];
}

/** The error class-validator builds, with `target` and `value` as the settings ask. */
function newError(
  settings: ValidationSettings,
  object: object,
  value: unknown,
  property: string,
): ValidationError {
  const error = new ValidationError();
  if (settings.target) error.target = object;
  if (settings.value) error.value = value;
  error.property = property;
  return error;
}

function targetNameOf(object: object): string {
  // class-validator reads `constructor.name`, undefined for an object without a constructor.
  return object.constructor ? object.constructor.name : (undefined as unknown as string);
}

function ruleMessage(object: object, value: unknown, step: RuleStep): string {
  const { metadata } = step;
  const args: ValidationArguments = {
    targetName: targetNameOf(object),
    property: metadata.propertyName,
    object,
    value,
    constraints: metadata.constraints,
  };
  let message: MessageSource | undefined = metadata.message || '';
  if (!metadata.message) {
    const instance: { defaultMessage?: unknown } = step.constraint.instance;
    if (instance.defaultMessage instanceof Function) message = instance.defaultMessage(args);
  }
  const text: unknown = typeof message === 'function' ? message(args) : message;
  // Replacing the tokens is most of a message's cost. Once `$value` and `$target` are ruled out,
  // what replaces them is the rule's own: its property and constraints.
  const { messages } = step;
  if (
    messages === undefined ||
    typeof text !== 'string' ||
    text.includes('$value') ||
    text.includes('$target')
  ) {
    return replaceTokens(text, args);
  }
  let replaced = messages.get(text);
  if (replaced === undefined) {
    replaced = replaceTokens(text, args);
    if (messages.size < MAX_KEPT_MESSAGES) messages.set(text, replaced);
  }
  return replaced;
}

/** A constraint whose text is the same at every call: a primitive, a pattern, or a list of them. */
function isFixedConstraint(constraint: unknown): boolean {
  if (Array.isArray(constraint)) return constraint.every(isFixedConstraint);
  return (
    constraint === null ||
    constraint instanceof RegExp ||
    (typeof constraint !== 'object' && typeof constraint !== 'function')
  );
}

/**
 * Whether a rule's messages can be kept by their text: class-validator replaces the tokens one
 * after another in the text as it stands, so a `$` in the property or in a constraint's text
 * could bring in `$value` or `$target`, which differ per call.
 */
function keepsMessages(metadata: ValidationMetadata): boolean {
  const constraints: unknown = metadata.constraints;
  return (
    !metadata.propertyName.includes('$') &&
    (!Array.isArray(constraints) ||
      constraints.every(
        (constraint) =>
          isFixedConstraint(constraint) && !constraintToString(constraint).includes('$'),
      ))
  );
}

// Every item is checked, even after a failure, as class-validator does: a check that throws on a
// later item (IsNumber's decimal places of 5e-324) must throw here too.
function passesEach(check: ValueCheck, items: Iterable<unknown>): boolean {
  let valid = true;
  for (const item of items) if (!check(item)) valid = false;
  return valid;
}

function passes(step: RuleStep, value: unknown): boolean {
  if (!step.metadata.each) return step.check(value);
  // class-validator checks each item of an array, a set or a map's values.
  if (Array.isArray(value) || value instanceof Set) return passesEach(step.check, value);
  if (value instanceof Map) return passesEach(step.check, value.values());
  return step.check(value);
}

/** Runs `rules` in order; a second failure of the same type keeps the first one's key position. */
function runRules(
  object: object,
  value: unknown,
  rules: readonly RuleStep[],
  found: Constraints | undefined,
): Constraints | undefined {
  let constraints = found;
  for (const rule of rules) {
    if (passes(rule, value)) continue;
    constraints ??= {};
    constraints[rule.type] = ruleMessage(object, value, rule);
  }
  return constraints;
}

function ruleStepOf(storage: MetadataStorage, metadata: ValidationMetadata): RuleStep | undefined {
  const constraints = storage.getTargetValidatorConstraints(metadata.constraintCls);
  const [constraint] = constraints;
  if (constraints.length !== 1 || constraint === undefined || constraint.async) return undefined;
  const check = checkFor(constraint.name, metadata.constraints);
  return check === undefined
    ? undefined
    : {
        metadata,
        constraint,
        type: constraint.name,
        check,
        messages: keepsMessages(metadata) ? new Map() : undefined,
      };
}

function propertyStepOf(
  storage: MetadataStorage,
  name: string,
  metadatas: readonly ValidationMetadata[],
): PropertyStep | undefined {
  let optional = false;
  const defined: RuleStep[] = [];
  const rules: RuleStep[] = [];
  const nested: ValidationMetadata[] = [];
  for (const metadata of metadatas) {
    // Groups, `always`, contexts and `validateIf` change which rules run or what errors carry.
    if (
      (metadata.groups !== undefined && metadata.groups.length > 0) ||
      metadata.always !== undefined ||
      metadata.context !== undefined ||
      metadata.validateIf !== undefined
    ) {
      return undefined;
    }
    if (metadata.type === ValidationTypes.CONDITIONAL_VALIDATION && metadata.name === IS_OPTIONAL) {
      optional = true;
    } else if (metadata.type === ValidationTypes.NESTED_VALIDATION) {
      nested.push(metadata);
    } else if (
      metadata.type === ValidationTypes.IS_DEFINED ||
      metadata.type === ValidationTypes.CUSTOM_VALIDATION
    ) {
      const step = ruleStepOf(storage, metadata);
      if (step === undefined) return undefined;
      (metadata.type === ValidationTypes.IS_DEFINED ? defined : rules).push(step);
    } else {
      return undefined;
    }
  }
  return { name, optional, defined, rules, nested };
}

/**
 * Compiles class-validator's metadata for `cls` (read from its own storage, inheritance
 * included) into a validation, or returns `undefined` when a rule is not one the compiled path
 * reproduces. `validations` resolves nested objects by their class at run time.
 *
 * @example
 * ```ts
 * const validations: ValidationsByClass = new Map();
 * const validation = compileClassValidation(LineDto, settings, validations);
 * ```
 */
export function compileClassValidation(
  cls: AnyClass,
  settings: ValidationSettings,
  validations: ValidationsByClass,
): ClassValidation | undefined {
  const storage = getMetadataStorage();
  const metadatas = storage.getTargetValidationMetadatas(cls, '', false, false, undefined);
  const grouped = storage.groupByPropertyName(metadatas);
  const properties: PropertyStep[] = [];
  for (const [name, group] of Object.entries(grouped)) {
    const step = propertyStepOf(storage, name, group);
    if (step === undefined) return undefined;
    properties.push(step);
  }
  const empty = metadatas.length === 0;

  const runProperty = (object: object, step: PropertyStep, errors: ValidationError[]): void => {
    const value: unknown = (object as Record<string, unknown>)[step.name];
    if (step.optional && (value === null || value === undefined)) return;
    let constraints = runRules(object, value, step.defined, undefined);
    constraints = runRules(object, value, step.rules, constraints);
    const children: ValidationError[] = [];
    if (value !== undefined) {
      for (const metadata of step.nested) {
        constraints = runNested(value, metadata, step.nested, children, constraints);
      }
    }
    if (constraints === undefined && children.length === 0) return;
    const error = newError(settings, object, value, step.name);
    error.children = children;
    if (constraints !== undefined) error.constraints = constraints;
    errors.push(error);
  };

  // One item of a nested array: class-validator validates it as a property named by its index,
  // with the array as its object and the property's nested rules only.
  const runItem = (
    array: unknown[],
    item: unknown,
    index: number,
    nested: readonly ValidationMetadata[],
    errors: ValidationError[],
  ): void => {
    const children: ValidationError[] = [];
    let constraints: Constraints | undefined;
    if (item !== undefined) {
      for (const metadata of nested) {
        constraints = runNested(item, metadata, nested, children, constraints);
      }
    }
    if (constraints === undefined && children.length === 0) return;
    const error = newError(settings, array, item, String(index));
    error.children = children;
    if (constraints !== undefined) error.constraints = constraints;
    errors.push(error);
  };

  const runNested = (
    value: unknown,
    metadata: ValidationMetadata,
    nested: readonly ValidationMetadata[],
    children: ValidationError[],
    constraints: Constraints | undefined,
  ): Constraints | undefined => {
    if (value instanceof Set || value instanceof Map) {
      throw new LeaveCompiledPath('a nested set or map');
    }
    if (Array.isArray(value)) {
      value.forEach((item: unknown, index) => {
        runItem(value, item, index, nested, children);
      });
      return constraints;
    }
    if (value instanceof Object) {
      const validation = validations.get(value.constructor);
      if (validation === undefined) throw new LeaveCompiledPath('a nested object of another class');
      validation.run(value, children);
      return constraints;
    }
    // A nested rule's target is its class (string targets are schemas, never compiled).
    const target = metadata.target as object;
    const args: ValidationArguments = {
      targetName: targetNameOf(target),
      property: metadata.propertyName,
      object: target,
      value,
      constraints: metadata.constraints,
    };
    const message = replaceMessageTokens(metadata.message || '', args);
    const result = constraints ?? {};
    result[metadata.type] = message;
    return result;
  };

  const validation: ClassValidation = {
    run(object, errors) {
      if (empty && settings.forbidUnknownValues) {
        const error = new ValidationError();
        if (settings.target) error.target = object;
        error.value = undefined;
        error.property = undefined as unknown as string;
        error.children = [];
        error.constraints = {
          unknownValue: 'an unknown value was passed to the validate function',
        };
        errors.push(error);
        return;
      }
      if (settings.whitelist) {
        const record = object as Record<string, unknown>;
        for (const key of Object.keys(object)) {
          // The same lookup as class-validator's, on its grouping object (a plain object).
          const group: unknown = (grouped as Record<string, unknown>)[key];
          const allowed = Boolean(group) && (group as { length?: unknown }).length !== 0;
          if (allowed) continue;
          if (settings.forbidNonWhitelisted) {
            const error = newError(settings, object, record[key], key);
            error.children = undefined as unknown as ValidationError[];
            error.constraints = {
              [ValidationTypes.WHITELIST]: `property ${key} should not exist`,
            };
            errors.push(error);
          } else {
            delete record[key];
          }
        }
      }
      for (const step of properties) runProperty(object, step, errors);
    },
  };
  validations.set(cls, validation);
  return validation;
}
