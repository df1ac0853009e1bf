import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  Allow,
  ArrayMaxSize,
  ArrayMinSize,
  ArrayNotEmpty,
  ArrayUnique,
  Equals,
  IsArray,
  IsBoolean,
  IsDate,
  IsDateString,
  IsDefined,
  IsDivisibleBy,
  IsEmail,
  IsEnum,
  IsIn,
  IsInt,
  IsIP,
  IsISO8601,
  IsNegative,
  IsNotEmpty,
  IsNotEmptyObject,
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
  NotEquals,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import type { JsonSchema } from '../metadata/json-schema';
import { type DtoClass, SchemaRegistry } from './schema-from-validators';

enum Color {
  Red = 'red',
  Blue = 'blue',
}

enum Level {
  Low,
  High,
}

/** The component schema of `dto`, described with the handler's default validator options. */
function componentOf(dto: DtoClass, registry = new SchemaRegistry()): JsonSchema {
  const ref = registry.refTo(dto).$ref;
  const schema = registry.schemas[ref.replace('#/components/schemas/', '')];
  if (schema === undefined) throw new Error(`No component for ${ref}`);
  return schema;
}

function propertyOf(dto: DtoClass, name: string): JsonSchema | undefined {
  return componentOf(dto).properties?.[name];
}

class Constrained {
  @IsString() string!: string;
  @IsString() @Length(2, 10) length!: string;
  @Length(3) lengthWithoutMax!: string;
  @MinLength(1) @MaxLength(5) minMax!: string;
  @IsString() @Length(1, 100) @MinLength(5) @MaxLength(50) tightest!: string;
  @IsEmail() email!: string;
  @IsUUID('4') uuid!: string;
  @IsUrl() url!: string;
  @IsISO8601() iso!: string;
  @IsDateString() dateString!: string;
  @IsDate() @Type(() => Date) date!: Date;
  @IsIP('4') ip4!: string;
  @IsIP() anyIp!: string;
  @Matches(/^[a-z]+$/) matches!: string;
  @Matches('^x') matchesText!: string;
  @Matches(/^[a-z]+$/i) matchesWithFlags!: string;
  @IsInt() int!: number;
  @IsNumber() number!: number;
  @IsInt() @IsNumber() intAndNumber!: number;
  @Min(1) @Max(10) range!: number;
  @IsPositive() positive!: number;
  @IsNegative() negative!: number;
  @IsDivisibleBy(5) divisible!: number;
  @IsBoolean() boolean!: boolean;
  @IsObject() object!: object;
  @IsNotEmptyObject() notEmptyObject!: object;
  @IsIn(['a', 'b']) in!: string;
  @IsEnum(Color) color!: Color;
  @IsEnum(Level) level!: Level;
  @IsIn(['red', 'green']) @IsEnum(Color) inAndEnum!: string;
  @Equals('yes') equals!: string;
  @NotEquals('no') notEquals!: string;
  @IsString() @IsNotEmpty() notEmptyString!: string;
  @IsNotEmpty() notEmpty!: unknown;
}

describe('SchemaRegistry constraint mapping', () => {
  it.each<[string, JsonSchema]>([
    ['string', { type: 'string' }],
    ['length', { type: 'string', minLength: 2, maxLength: 10 }],
    ['lengthWithoutMax', { type: 'string', minLength: 3 }],
    ['minMax', { type: 'string', minLength: 1, maxLength: 5 }],
    ['tightest', { type: 'string', minLength: 5, maxLength: 50 }],
    ['email', { type: 'string', format: 'email' }],
    ['uuid', { type: 'string', format: 'uuid' }],
    ['url', { type: 'string', format: 'uri' }],
    ['iso', { type: 'string', format: 'date-time' }],
    ['dateString', { type: 'string', format: 'date-time' }],
    ['date', { type: 'string', format: 'date-time' }],
    ['ip4', { type: 'string', format: 'ipv4' }],
    ['anyIp', { type: 'string' }],
    ['matches', { type: 'string', pattern: '^[a-z]+$' }],
    ['matchesText', { type: 'string', pattern: '^x' }],
    ['matchesWithFlags', { type: 'string' }],
    ['int', { type: 'integer' }],
    ['number', { type: 'number' }],
    ['intAndNumber', { type: 'integer' }],
    ['range', { type: 'number', minimum: 1, maximum: 10 }],
    ['positive', { type: 'number', exclusiveMinimum: 0 }],
    ['negative', { type: 'number', exclusiveMaximum: 0 }],
    ['divisible', { type: 'number', multipleOf: 5 }],
    ['boolean', { type: 'boolean' }],
    ['object', { type: 'object' }],
    ['notEmptyObject', { type: 'object', minProperties: 1 }],
    ['in', { enum: ['a', 'b'] }],
    ['color', { enum: ['red', 'blue'] }],
    ['level', { enum: [0, 1] }],
    ['inAndEnum', { enum: ['red'] }],
    ['equals', { const: 'yes' }],
    ['notEquals', { not: { const: 'no' } }],
    ['notEmptyString', { type: 'string', minLength: 1 }],
    ['notEmpty', { not: { const: '' } }],
  ])('maps the constraints of %s', (property, expected) => {
    expect(propertyOf(Constrained, property)).toEqual(expected);
  });

  it('makes every validated property required and refuses others with the default options', () => {
    const schema = componentOf(Constrained);

    expect(schema.required).toHaveLength(Object.keys(schema.properties ?? {}).length);
    expect(schema.additionalProperties).toBe(false);
  });
});

class Presence {
  @IsOptional() @IsString() optional?: string | null;
  @IsOptional() @IsIn(['a']) optionalEnum?: string;
  @IsOptional() @IsDefined() @IsString() definedWins!: string;
  @ValidateIf(() => false) @IsString() conditional?: string;
  @Allow() anything?: unknown;
  @IsString() required!: string;
}

describe('SchemaRegistry presence', () => {
  it('documents IsOptional as not required and nullable', () => {
    const schema = componentOf(Presence);

    expect(schema.properties?.['optional']).toEqual({ type: ['string', 'null'] });
    expect(schema.properties?.['optionalEnum']).toEqual({ enum: ['a', null] });
    expect(schema.required).not.toContain('optional');
  });

  it('keeps IsDefined required and not nullable under IsOptional', () => {
    const schema = componentOf(Presence);

    expect(schema.properties?.['definedWins']).toEqual({ type: 'string' });
    expect(schema.required).toContain('definedWins');
  });

  it('documents ValidateIf as optional and Allow as anything', () => {
    const schema = componentOf(Presence);

    expect(schema.properties?.['conditional']).toEqual({ type: 'string' });
    expect(schema.properties?.['anything']).toEqual({});
    expect(schema.required).toEqual(['definedWins', 'required']);
  });

  it.each<[string, object, JsonSchema | undefined]>([
    ['whitelist alone keeps unknown properties allowed', { whitelist: true }, undefined],
    ['no whitelist allows them', {}, undefined],
  ])('%s', (_label, options, expected) => {
    const registry = new SchemaRegistry(options);

    expect(componentOf(Presence, registry).additionalProperties).toEqual(expected);
  });

  it('follows skipMissingProperties: nothing required, everything nullable', () => {
    const schema = componentOf(Presence, new SchemaRegistry({ skipMissingProperties: true }));

    expect(schema.required).toEqual(['definedWins']);
    expect(schema.properties?.['required']).toEqual({ type: ['string', 'null'] });
  });

  it('documents only the rules of the validator groups', () => {
    class Grouped {
      @IsString({ groups: ['create'] }) name!: string;
      @IsInt({ groups: ['update'] }) version!: number;
    }

    const schema = componentOf(Grouped, new SchemaRegistry({ groups: ['create'] }));

    expect(Object.keys(schema.properties ?? {})).toEqual(['name']);
  });
});

class Address {
  @IsString() city!: string;
}

class Tree {
  @IsString() label!: string;
  @IsOptional() @ValidateNested({ each: true }) @Type(() => Tree) children?: Tree[];
}

class Order {
  @ValidateNested() @Type(() => Address) address!: Address;
  @IsOptional() @ValidateNested() @Type(() => Address) billing?: Address;
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @ValidateNested()
  @Type(() => Address)
  stops!: Address[];
  @IsString({ each: true }) @ArrayNotEmpty() @ArrayUnique() tags!: string[];
  @IsArray() @IsInt({ each: true }) @Min(0, { each: true }) counts!: number[];
  @ValidateNested() untyped!: object;
  @ValidateNested() @Type(() => Tree) tree!: Tree;
}

describe('SchemaRegistry nesting', () => {
  it('refers to a nested DTO by $ref and describes it once', () => {
    const registry = new SchemaRegistry();

    const order = componentOf(Order, registry);

    expect(order.properties?.['address']).toEqual({ $ref: '#/components/schemas/Address' });
    expect(registry.schemas['Address']).toEqual({
      type: 'object',
      properties: { city: { type: 'string' } },
      required: ['city'],
      additionalProperties: false,
    });
  });

  it('documents an optional nested DTO as the $ref or null', () => {
    expect(propertyOf(Order, 'billing')).toEqual({
      anyOf: [{ $ref: '#/components/schemas/Address' }, { type: 'null' }],
    });
  });

  it.each<[string, JsonSchema]>([
    [
      'stops',
      {
        type: 'array',
        minItems: 1,
        maxItems: 3,
        items: { $ref: '#/components/schemas/Address' },
      },
    ],
    ['tags', { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string' } }],
    ['counts', { type: 'array', items: { type: 'integer', minimum: 0 } }],
    ['untyped', { type: 'object' }],
  ])('documents the array or object %s', (property, expected) => {
    expect(propertyOf(Order, property)).toEqual(expected);
  });

  it('describes a recursive DTO with a $ref to itself', () => {
    const registry = new SchemaRegistry();

    componentOf(Order, registry);

    expect(registry.schemas['Tree']?.properties?.['children']).toEqual({
      type: ['array', 'null'],
      items: { $ref: '#/components/schemas/Tree' },
    });
  });

  it('includes the rules a DTO inherits', () => {
    class Base {
      @IsString() id!: string;
    }
    class Derived extends Base {
      @IsInt() size!: number;
    }

    expect(Object.keys(componentOf(Derived).properties ?? {}).sort()).toEqual(['id', 'size']);
  });

  it('names two different classes of the same name apart', () => {
    const registry = new SchemaRegistry();
    const first = (() => {
      class Same {
        @IsString() a!: string;
      }
      return Same;
    })();
    const second = (() => {
      class Same {
        @IsInt() b!: number;
      }
      return Same;
    })();

    expect([registry.refTo(first), registry.refTo(second), registry.refTo(first)]).toEqual([
      { $ref: '#/components/schemas/Same' },
      { $ref: '#/components/schemas/Same2' },
      { $ref: '#/components/schemas/Same' },
    ]);
  });

  it('leaves a defined component name to the first definer', () => {
    const registry = new SchemaRegistry();
    registry.define('Problem', { type: 'object' });
    class Problem {
      @IsString() reason!: string;
    }

    expect(registry.refTo(Problem)).toEqual({ $ref: '#/components/schemas/Problem2' });
  });
});
