import 'reflect-metadata';
import { Exclude, Expose, Transform, Type } from 'class-transformer';
import {
  Allow,
  IsDefined,
  IsNotEmptyObject,
  IsString,
  registerDecorator,
  Validate,
  ValidateIf,
  ValidateNested,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
  type ValidatorOptions,
} from 'class-validator';
import { BadRequestError } from '../../errors/http-error';
import {
  compiledOutcome,
  pictureOf,
  referenceOutcome,
} from '../../test/support/validation-differential';
import { DEFAULT_VALIDATOR_OPTIONS, validateBody as validateNow } from '../validate-body';
import { compileValidator } from './compile-validator';
import { bodyValidationFor } from './compiled-body-validation';

/** `validateBody` as a promise, however it answered: a compiled DTO throws at once. */
const validateBody: typeof validateNow = async (dto, json, options) =>
  validateNow(dto, json, options);

@ValidatorConstraint({ name: 'palindrome' })
class Palindrome implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && [...value].reverse().join('') === value;
  }
}

function IsPalindrome(async = false): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: 'isPalindrome',
      target: target.constructor,
      propertyName: String(propertyName),
      async,
      validator: {
        validate: (value: unknown) =>
          async ? Promise.resolve(value === 'abba') : value === 'abba',
      },
    });
  };
}

/** What `act` throws synchronously; undefined when it returns (a promise included). */
function thrownBy(act: () => unknown): unknown {
  try {
    act();
  } catch (error) {
    return error;
  }
  return undefined;
}

class Inner {
  @IsString() label!: string;
}

class WithCustomClass {
  @Validate(Palindrome) word!: string;
}
class WithRegistered {
  @IsPalindrome() word!: string;
}
class WithAsync {
  @IsPalindrome(true) word!: string;
}
class WithValidateIf {
  @ValidateIf(() => true) @IsString() word!: string;
}
class WithGroups {
  @IsString({ groups: ['admin'] }) word!: string;
}
class WithAlways {
  @IsString({ always: true }) word!: string;
}
class WithContext {
  @IsString({ context: { code: 42 } }) word!: string;
}
class WithAllow {
  @Allow() word!: string;
}
class WithOtherRule {
  @IsNotEmptyObject() word!: object;
}
class WithExpose {
  @Expose({ name: 'w' }) @IsString() word!: string;
}
class WithExclude {
  @Exclude() @IsString() word!: string;
}
class WithDateType {
  @Type(() => Date) @IsDefined() word!: Date;
}
class WithDiscriminator {
  @ValidateNested()
  @Type(() => Inner, {
    discriminator: { property: 'kind', subTypes: [{ value: Inner, name: 'inner' }] },
  })
  word!: Inner;
}
class WithSetType {
  @ValidateNested({ each: true }) @Type(() => Inner) word!: Set<Inner>;
}
class WithTypeNeedingObject {
  @ValidateNested()
  @Type((options) => {
    if (options === undefined || !Object.hasOwn(options.object, 'word')) {
      throw new Error('this @Type reads the body');
    }
    return Inner;
  })
  word!: Inner;
}
class WithUncompilableNested {
  @ValidateNested() @Type(() => WithValidateIf) word!: WithValidateIf;
}

const FALLBACKS: readonly (readonly [string, new () => object, ValidatorOptions])[] = [
  ['a @Validate constraint class', WithCustomClass, DEFAULT_VALIDATOR_OPTIONS],
  ['a registerDecorator rule', WithRegistered, DEFAULT_VALIDATOR_OPTIONS],
  ['an async rule', WithAsync, DEFAULT_VALIDATOR_OPTIONS],
  ['ValidateIf', WithValidateIf, DEFAULT_VALIDATOR_OPTIONS],
  ['groups', WithGroups, DEFAULT_VALIDATOR_OPTIONS],
  ['always', WithAlways, DEFAULT_VALIDATOR_OPTIONS],
  ['a context', WithContext, DEFAULT_VALIDATOR_OPTIONS],
  ['@Allow', WithAllow, DEFAULT_VALIDATOR_OPTIONS],
  ['a built-in rule outside the list', WithOtherRule, DEFAULT_VALIDATOR_OPTIONS],
  ['@Expose', WithExpose, DEFAULT_VALIDATOR_OPTIONS],
  ['@Exclude', WithExclude, DEFAULT_VALIDATOR_OPTIONS],
  ['@Type to a converted type', WithDateType, DEFAULT_VALIDATOR_OPTIONS],
  ['a @Type discriminator', WithDiscriminator, DEFAULT_VALIDATOR_OPTIONS],
  ['a property typed as a set', WithSetType, DEFAULT_VALIDATOR_OPTIONS],
  ['a @Type function that needs the real object', WithTypeNeedingObject, DEFAULT_VALIDATOR_OPTIONS],
  ['a nested DTO that does not compile', WithUncompilableNested, DEFAULT_VALIDATOR_OPTIONS],
  ['stopAtFirstError', WithAllow, { ...DEFAULT_VALIDATOR_OPTIONS, stopAtFirstError: true }],
  ['validator groups', Inner, { ...DEFAULT_VALIDATOR_OPTIONS, groups: ['admin'] }],
  ['skipMissingProperties', Inner, { ...DEFAULT_VALIDATOR_OPTIONS, skipMissingProperties: true }],
  [
    'another validationError key',
    Inner,
    {
      ...DEFAULT_VALIDATOR_OPTIONS,
      validationError: { target: false, value: false, extra: 1 } as object,
    },
  ],
];

const BODIES: readonly object[] = [
  {},
  { word: 'abba' },
  { word: 'abc', extra: 1 },
  { word: { label: 'x' } },
  { word: [{ label: 1 }] },
  { w: 'renamed' },
  { word: '2024-01-01' },
];

/** What validateBody answers: the instance, or the problem's fields. */
async function answerOf(dto: new () => object, json: object, options: object): Promise<unknown> {
  try {
    return pictureOf({ instance: await validateBody(dto, json, options) });
  } catch (error) {
    if (error instanceof BadRequestError) return pictureOf({ errors: error.extensions['errors'] });
    // Some option sets make the framework fail on class-validator's answer: the same either way.
    return { threw: String(error) };
  }
}

describe('compileValidator falls back to class-validator', () => {
  it.each(FALLBACKS)('for a DTO with %s, as a whole', async (_feature, dto, options) => {
    expect(compileValidator(dto, options)).toBeUndefined();
    for (const json of BODIES) {
      const answer = validateBody(dto, json, options);
      // Settled here so that a rejection is handled; answerOf below reads the answer itself.
      await Promise.resolve(answer).catch(() => undefined);
      expect(answer).toBeInstanceOf(Promise);
      expect(await answerOf(dto, json, options)).toEqual(
        await answerOf(dto, json, { ...options, compile: false }),
      );
    }
  });
});

class Other {}

class WithDynamicType {
  @ValidateNested()
  @Type((options) =>
    (options?.object as { kind?: unknown } | undefined)?.kind === 'other' ? Other : Inner,
  )
  word!: Inner;
  @IsString() kind!: string;
}

class ReturnsAnother {
  @IsString() word!: string;
  constructor() {
    // biome-ignore lint/correctness/noConstructorReturn: the case under test.
    return Object.create(Inner.prototype) as ReturnsAnother;
  }
}

class MySet<T> extends Set<T> {}
class Bag {
  readonly items: unknown[] = [];
  push(item: unknown): void {
    this.items.push(item);
  }
}

class WithCollections {
  @ValidateNested({ each: true }) @Type(() => Inner) mySet!: MySet<Inner>;
  @ValidateNested({ each: true }) @Type(() => Inner) bag!: Bag;
  @ValidateNested() @Type(() => Inner) single!: Inner;
  @Transform(() => new Set(['a', 1])) @IsString({ each: true }) set!: Set<unknown>;
  @Transform(() => new Map([['k', 'a']])) @IsString({ each: true }) map!: Map<string, unknown>;
  @Transform(({ value }: { value: unknown }) => (value === 'set' ? new Set([{}]) : value))
  @ValidateNested()
  nestedSet!: unknown;
  @Transform(({ value }: { value: unknown }) => (value === 'date' ? new Date(0) : value))
  @ValidateNested()
  nestedOther!: unknown;
}

describe('a compiled validator', () => {
  it.each<[string, new () => object, object]>([
    [
      'a @Type function naming another class for this body',
      WithDynamicType,
      { kind: 'other', word: {} },
    ],
    ['a constructor that returns another object', ReturnsAnother, { word: 'a' }],
    ['an array property typed as a subclass of Set', WithCollections, { mySet: [{ label: 'a' }] }],
    ['a nested set made by @Transform', WithCollections, { nestedSet: 'set' }],
    ['a nested object of a class it did not compile', WithCollections, { nestedOther: 'date' }],
    ['a plain object with a constructor member', WithCollections, { extra: { constructor: 1 } }],
    ['an array into a class that can push', WithCollections, { bag: [{ label: 'a' }] }],
  ])('leaves %s to class-transformer and class-validator', async (_case, dto, json) => {
    expect(compileValidator(dto, DEFAULT_VALIDATOR_OPTIONS)?.(json)).toBeUndefined();
    expect(await compiledOutcome(dto, json, DEFAULT_VALIDATOR_OPTIONS)).toEqual(
      await referenceOutcome(dto, json, DEFAULT_VALIDATOR_OPTIONS),
    );
  });

  it.each<[string, object]>([
    ['an array into a class that cannot', { single: [{ label: 'a' }] }],
    ['each item of a set and of a map', { set: 'x', map: 'y' }],
    ['a falsy constructor member', { extra: { constructor: 0, nested: { constructor: null } } }],
  ])('answers as class-validator for %s', async (_case, json) => {
    expect(compileValidator(WithCollections, DEFAULT_VALIDATOR_OPTIONS)?.(json)).toBeDefined();
    expect(await compiledOutcome(WithCollections, json, DEFAULT_VALIDATOR_OPTIONS)).toEqual(
      await referenceOutcome(WithCollections, json, DEFAULT_VALIDATOR_OPTIONS),
    );
  });
});

describe('the compile switch', () => {
  it('validates synchronously by default, and through class-validator with compile: false', async () => {
    const json = { label: 'x' };
    expect(validateNow(Inner, json, DEFAULT_VALIDATOR_OPTIONS)).toBeInstanceOf(Inner);
    const answer = validateNow(Inner, json, { ...DEFAULT_VALIDATOR_OPTIONS, compile: false });
    expect(answer).toBeInstanceOf(Promise);
    expect(await answer).toBeInstanceOf(Inner);
  });

  it('throws a compiled failure at once, without a stack to capture', () => {
    // Act
    const thrown = thrownBy(() => validateNow(Inner, { label: 7 }, DEFAULT_VALIDATOR_OPTIONS));

    // Assess
    expect(thrown).toBeInstanceOf(BadRequestError);
    expect((thrown as BadRequestError).extensions).toEqual({
      errors: { label: ['label must be a string'] },
    });
    expect((thrown as BadRequestError).stack?.split('\n')).toHaveLength(1);
  });

  it('never hands compile to class-validator', () => {
    const options = { ...DEFAULT_VALIDATOR_OPTIONS, compile: false };
    expect(bodyValidationFor(options).classValidatorOptions).toEqual(DEFAULT_VALIDATOR_OPTIONS);
    expect(Object.hasOwn(bodyValidationFor(options).classValidatorOptions, 'compile')).toBe(false);
  });

  it('compiles each DTO once per options object', () => {
    const validation = bodyValidationFor(DEFAULT_VALIDATOR_OPTIONS);
    expect(validation.compiledFor(Inner)).toBe(validation.compiledFor(Inner));
    expect(validation.compiledFor(WithValidateIf)).toBeUndefined();
    expect(bodyValidationFor(DEFAULT_VALIDATOR_OPTIONS)).toBe(validation);
  });
});
