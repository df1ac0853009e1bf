import 'reflect-metadata';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsEmail,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
  type ValidatorOptions,
} from 'class-validator';
import fc from 'fast-check';
import {
  compiledOutcome,
  jsonObjectOf,
  pictureOf,
  referenceOutcome,
  VALIDATOR_RUNS,
} from '../../test/support/validation-differential';
import { DEFAULT_VALIDATOR_OPTIONS } from '../validate-body';
import { compileValidator } from './compile-validator';

/** Like the sample's `POST /users` body. */
class CreateUserDto {
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 100)
  name!: string;

  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.toLowerCase() : value,
  )
  @IsString()
  @MaxLength(254)
  @IsEmail()
  email!: string;
}

/** Like the sample's `PATCH /users/{id}` body, whose `ValidateIf` keeps it with class-validator. */
class UpdateUserDto {
  @ValidateIf((_dto: object, value: unknown) => value !== undefined)
  @IsString()
  @Length(1, 100)
  name?: string;
}

class LineDto {
  @IsString() @Length(1, 40) sku!: string;
  @IsInt() @Min(1) quantity!: number;
}

class AddressDto {
  @IsString() city!: string;
  @IsOptional() @IsString() @Length(5, 5) zip?: string;
}

class OrderDto {
  @IsString() customer!: string;
  @ArrayMaxSize(3) @ValidateNested({ each: true }) @Type(() => LineDto) lines!: LineDto[];
  @ValidateNested() @Type(() => AddressDto) address!: AddressDto;
  @IsOptional() @IsString({ each: true }) tags?: string[];
}

const line = fc.record(
  {
    sku: fc.oneof(fc.string({ maxLength: 42 }), fc.integer()),
    quantity: fc.oneof(fc.integer({ min: -1, max: 3 }), fc.string()),
  },
  { requiredKeys: [] },
);
const order = fc
  .record(
    {
      customer: fc.oneof(fc.string(), fc.constant(null)),
      lines: fc.oneof(
        fc.array(fc.oneof(line, fc.constant(null), fc.string()), { maxLength: 5 }),
        line,
      ),
      address: fc.oneof(
        fc.record({ city: fc.string(), zip: fc.string({ maxLength: 6 }) }, { requiredKeys: [] }),
        fc.string(),
      ),
      tags: fc.oneof(fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 3 }), fc.string()),
      extra: fc.anything(),
    },
    { requiredKeys: [] },
  )
  .map((value) => JSON.parse(JSON.stringify(value)) as object);

async function agree(
  dto: new () => object,
  json: object,
  options: ValidatorOptions,
): Promise<void> {
  expect(await compiledOutcome(dto, json, options)).toEqual(
    await referenceOutcome(dto, json, options),
  );
}

describe('compileValidator on hand-written DTOs', () => {
  it('agrees with class-validator on the users body, normalized by @Transform', async () => {
    const body = fc.oneof(
      jsonObjectOf(['name', 'email']),
      fc.record({
        name: fc.string({ maxLength: 102 }),
        email: fc.oneof(fc.emailAddress(), fc.string()),
      }),
    );
    await fc.assert(
      fc.asyncProperty(body, (json) => agree(CreateUserDto, json, DEFAULT_VALIDATOR_OPTIONS)),
      {
        numRuns: VALIDATOR_RUNS,
      },
    );
  });

  it('agrees with class-validator on an order with arrays of nested DTOs', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(order, jsonObjectOf(['customer', 'lines', 'address', 'tags'])),
        (json) => agree(OrderDto, json, DEFAULT_VALIDATOR_OPTIONS),
      ),
      { numRuns: VALIDATOR_RUNS },
    );
  });

  it('returns the DTO instance, with nested instances, for a valid order', () => {
    const result = compileValidator(
      OrderDto,
      DEFAULT_VALIDATOR_OPTIONS,
    )?.({
      customer: 'c-1',
      lines: [{ sku: 'a', quantity: 2 }],
      address: { city: 'Lyon' },
    });
    const instance = result?.instance as OrderDto;
    expect(instance).toBeInstanceOf(OrderDto);
    expect(instance.lines[0]).toBeInstanceOf(LineDto);
    expect(instance.address).toBeInstanceOf(AddressDto);
  });

  it('keeps a DTO with ValidateIf, like the sample PATCH body, with class-validator', () => {
    expect(compileValidator(UpdateUserDto, DEFAULT_VALIDATOR_OPTIONS)).toBeUndefined();
  });
});

/** Rules whose messages bring in the value or the class, directly or through a `$` of their own. */
class TokensDto {
  @Matches(/\$value/) pattern!: string;
  @IsString({ message: '$property got $value' }) echoed!: string;
  @Length(2, 3, { message: ({ value }) => `counted ${String(value).length}` }) counted!: string;
  @IsString() $target!: string;
  @MinLength(3) plain!: string;
}

describe('the messages a compiled validator keeps between bodies', () => {
  it('are what class-validator gives for every body, one validator serving them all', async () => {
    const compiled = compileValidator(TokensDto, DEFAULT_VALIDATOR_OPTIONS);
    if (compiled === undefined) throw new Error('TokensDto should compile');
    const text = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('$value', '$target', 'a'));
    const body = fc.record({
      pattern: text,
      echoed: fc.oneof(text, fc.integer()),
      counted: text,
      $target: fc.oneof(text, fc.integer()),
      plain: text,
    });
    await fc.assert(
      fc.asyncProperty(body, async (json) => {
        const result = compiled(json);
        const picture =
          result === undefined
            ? 'left to class-transformer'
            : pictureOf(result.errors === undefined ? { instance: result.instance } : result);
        expect(picture).toEqual(await referenceOutcome(TokensDto, json, DEFAULT_VALIDATOR_OPTIONS));
      }),
      { numRuns: Math.max(VALIDATOR_RUNS, 100) },
    );
  });
});
