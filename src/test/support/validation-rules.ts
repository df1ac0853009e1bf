import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsDefined,
  IsEmail,
  IsEnum,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsPositive,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
  type ValidationArguments,
  type ValidationOptions,
} from 'class-validator';
import fc from 'fast-check';
import type { IsURLOptions } from 'validator';
import { edgeString, jsonNumber, jsonTextOf } from './validation-differential';

/** One supported decorator with its arguments, and JSON texts that tend to satisfy it. */
export interface Rule {
  readonly label: string;
  readonly decorators: readonly PropertyDecorator[];
  readonly sample: fc.Arbitrary<string>;
}

/** A DTO every generated one may nest. */
export class InnerDto {
  @IsString() @Length(1, 5) label!: string;
  @IsOptional() @IsInt() @Min(0) count?: number;
}

const Color = { Red: 'red', Green: 'green' } as const;
const Level = { 0: 'Low', 1: 'High', Low: 0, High: 1 } as const;

const messageFunction = (args: ValidationArguments): string =>
  `${args.property} of ${args.targetName} failed with ${JSON.stringify(args.constraints ?? null)}`;

/** `each`, and a custom message as text with tokens or as a function, or none. */
const validationOptions: fc.Arbitrary<ValidationOptions> = fc
  .record({
    each: fc.boolean(),
    message: fc.constantFrom<string | typeof messageFunction | undefined>(
      undefined,
      undefined,
      '$property is $value, not within $constraint1..$constraint2 of $target',
      'fixed text',
      messageFunction,
    ),
  })
  .map(({ each, message }) => (message === undefined ? { each } : { each, message }));

const json = (value: unknown): string => (Object.is(value, -0) ? '-0' : JSON.stringify(value));
const strings = edgeString.map(json);
const numbers = jsonNumber.map(json);
const integers = fc.oneof(fc.integer({ min: -5, max: 300 }), fc.integer()).map(json);
const arrayOf = (item: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.array(item, { maxLength: 4 }).map((items) => `[${items.join(',')}]`);
const innerObject = fc
  .record({ label: strings, count: fc.oneof(integers, strings) }, { requiredKeys: [] })
  .map(
    ({ label, count }) =>
      `{${[label === undefined ? '' : `"label":${label}`, count === undefined ? '' : `"count":${count}`].filter(Boolean).join(',')}}`,
  );
const small = fc.integer({ min: 0, max: 6 });

/** Rules of a rule-shaped arbitrary: its decorator, with `sample` for plausible values. */
function rule(
  label: string,
  make: (options: ValidationOptions) => PropertyDecorator | readonly PropertyDecorator[],
  sample: fc.Arbitrary<string>,
): fc.Arbitrary<Rule> {
  return validationOptions.map((options) => {
    const made = make(options);
    const decorators = Array.isArray(made) ? made : [made as PropertyDecorator];
    const shown = `${label}(${fc.stringify(options)})`;
    return {
      label,
      decorators,
      sample: fc.oneof(sample, arrayOf(sample)),
      [fc.toStringMethod]: () => shown,
    };
  });
}

/** Every supported decorator, each with random arguments and validation options. */
export const RULES: readonly (readonly [string, fc.Arbitrary<Rule>])[] = [
  ['IsString', rule('IsString', (o) => IsString(o), strings)],
  ['IsInt', rule('IsInt', (o) => IsInt(o), integers)],
  [
    'IsNumber',
    fc
      .record(
        { allowNaN: fc.boolean(), allowInfinity: fc.boolean(), maxDecimalPlaces: small },
        { requiredKeys: [] },
      )
      .map((options) => ({ ...options }))
      .chain((n) => rule('IsNumber', (o) => IsNumber(n, o), numbers)),
  ],
  ['IsBoolean', rule('IsBoolean', (o) => IsBoolean(o), fc.constantFrom('true', 'false'))],
  ['IsArray', rule('IsArray', (o) => IsArray(o), arrayOf(strings))],
  ['IsObject', rule('IsObject', (o) => IsObject(o), jsonTextOf(['a', 'b']))],
  [
    'IsEnum',
    fc
      .constantFrom<object>(Color, Level)
      .chain((entity) =>
        rule(
          'IsEnum',
          (o) => IsEnum(entity, o),
          fc.constantFrom('"red"', '"green"', '0', '1', '"Low"', '2'),
        ),
      ),
  ],
  [
    'IsIn',
    fc
      .array(fc.oneof(fc.constantFrom('red', 'green', ''), fc.integer({ min: -1, max: 2 })), {
        maxLength: 4,
      })
      .chain((values) =>
        rule(
          'IsIn',
          (o) => IsIn(values, o),
          fc.constantFrom('"red"', '"green"', '""', '0', '1', '-0'),
        ),
      ),
  ],
  ['IsDefined', rule('IsDefined', (o) => IsDefined(o), fc.oneof(strings, fc.constant('null')))],
  ['IsOptional', rule('IsOptional', (o) => IsOptional(o), fc.oneof(strings, fc.constant('null')))],
  [
    'Length',
    fc
      .tuple(small, small)
      .chain(([low, extra]) => rule('Length', (o) => Length(low, low + extra, o), strings)),
  ],
  ['MinLength', small.chain((n) => rule('MinLength', (o) => MinLength(n, o), strings))],
  ['MaxLength', small.chain((n) => rule('MaxLength', (o) => MaxLength(n, o), strings))],
  ['Min', fc.integer({ min: -3, max: 10 }).chain((n) => rule('Min', (o) => Min(n, o), numbers))],
  ['Max', fc.integer({ min: -3, max: 10 }).chain((n) => rule('Max', (o) => Max(n, o), numbers))],
  [
    'ArrayMinSize',
    small.chain((n) => rule('ArrayMinSize', (o) => ArrayMinSize(n, o), arrayOf(strings))),
  ],
  [
    'ArrayMaxSize',
    small.chain((n) => rule('ArrayMaxSize', (o) => ArrayMaxSize(n, o), arrayOf(strings))),
  ],
  ['IsPositive', rule('IsPositive', (o) => IsPositive(o), numbers)],
  ['IsNotEmpty', rule('IsNotEmpty', (o) => IsNotEmpty(o), fc.oneof(strings, fc.constant('null')))],
  [
    'IsEmail',
    fc
      .constantFrom(
        undefined,
        { allow_display_name: true },
        { require_tld: false },
        { allow_ip_domain: true },
      )
      .chain((e) => rule('IsEmail', (o) => IsEmail(e, o), strings)),
  ],
  [
    'IsUUID',
    fc
      .constantFrom<Parameters<typeof IsUUID>[0]>(undefined, '4', '1', 'all', ['4', '7'])
      .chain((version) => rule('IsUUID', (o) => IsUUID(version, o), strings)),
  ],
  [
    'Matches',
    fc
      .constantFrom<[RegExp] | [string, string]>([/^[a-z]+$/], [/\d/], ['^x+$', 'i'], ['^a', 'g'])
      .chain((pattern) =>
        rule(
          'Matches',
          (o) =>
            pattern.length === 1 ? Matches(pattern[0], o) : Matches(pattern[0], pattern[1], o),
          strings,
        ),
      ),
  ],
  [
    'IsISO8601',
    fc
      .constantFrom(undefined, { strict: true }, { strictSeparator: true })
      .chain((i) => rule('IsISO8601', (o) => IsISO8601(i, o), strings)),
  ],
  [
    'IsDateString',
    fc
      .constantFrom(undefined, { strict: true })
      .chain((i) => rule('IsDateString', (o) => IsDateString(i, o), strings)),
  ],
  [
    'IsUrl',
    fc
      .constantFrom<IsURLOptions | undefined>(
        undefined,
        { require_tld: false },
        { protocols: ['https'], require_protocol: true },
      )
      .chain((u) => rule('IsUrl', (o) => IsUrl(u, o), strings)),
  ],
  [
    'ValidateNested',
    rule(
      'ValidateNested',
      (o) => [ValidateNested(o), Type(() => InnerDto)],
      fc.oneof(innerObject, strings),
    ),
  ],
  [
    'ValidateNested without @Type',
    rule('ValidateNested without @Type', (o) => ValidateNested(o), fc.oneof(innerObject, strings)),
  ],
  [
    'Transform',
    rule(
      'Transform',
      () =>
        Transform(({ value }: { value: unknown }) =>
          typeof value === 'string' ? value.trim() : value,
        ),
      strings,
    ),
  ],
];

/** Any supported rule. */
export const anyRule: fc.Arbitrary<Rule> = fc.oneof(...RULES.map(([, arbitrary]) => arbitrary));

/** A class named `GeneratedDto` whose property `p<i>` carries the rules `properties[i]`. */
export function dtoOf(properties: readonly (readonly Rule[])[]): new () => object {
  class GeneratedDto {}
  properties.forEach((rules, index) => {
    for (const item of rules) {
      for (const decorate of item.decorators) decorate(GeneratedDto.prototype, `p${index}`);
    }
  });
  return GeneratedDto;
}

/** JSON objects for a generated DTO: each property plausible, absent or garbage. */
export function inputsOf(properties: readonly (readonly Rule[])[]): fc.Arbitrary<object[]> {
  const keys = properties.map((_, index) => `p${index}`);
  const member = (rules: readonly Rule[], index: number): fc.Arbitrary<string | undefined> =>
    fc
      .option(fc.oneof(...rules.map((item) => item.sample), jsonTextOf(keys)), {
        freq: 4,
        nil: undefined,
      })
      .map((text) => (text === undefined ? undefined : `${JSON.stringify(keys[index])}:${text}`));
  const extra = fc.option(
    fc.tuple(fc.constantFrom('extra', '__proto__', 'constructor', 'toString'), jsonTextOf(keys)),
    {
      freq: 3,
      nil: undefined,
    },
  );
  const object = fc.tuple(fc.tuple(...properties.map(member)), extra).map(([members, more]) => {
    const texts = members.filter((text): text is string => text !== undefined);
    if (more !== undefined) texts.push(`${JSON.stringify(more[0])}:${more[1]}`);
    return JSON.parse(`{${texts.join(',')}}`) as object;
  });
  return fc.array(object, { minLength: 1, maxLength: 4 });
}
