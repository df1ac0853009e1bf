import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsEmail,
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { BadRequestError } from '../errors/http-error';
import {
  DEFAULT_VALIDATOR_OPTIONS,
  MAX_ERROR_FIELDS,
  MAX_MESSAGES_PER_FIELD,
  toFieldErrors,
  validateBody as validateNow,
} from './validate-body';

/** `validateBody` as a promise, however it answered: a compiled DTO throws at once. */
const validateBody: typeof validateNow = async (dto, json, options) =>
  validateNow(dto, json, options);

class AddressDto {
  @IsString() city!: string;
}

class ItemDto {
  @IsString() name!: string;
}

class OrderDto {
  @IsEmail() email!: string;
  @IsInt() quantity!: number;
  @IsOptional() @IsString() @MaxLength(5) note?: string;
  @ValidateNested() @Type(() => AddressDto) address!: AddressDto;
  @IsOptional() @ValidateNested({ each: true }) @Type(() => ItemDto) items?: ItemDto[];
}

const valid = { email: 'a@example.com', quantity: 2, address: { city: 'Lyon' } };

async function errorsOf(json: unknown): Promise<unknown> {
  try {
    await validateBody(OrderDto, json, DEFAULT_VALIDATOR_OPTIONS);
  } catch (error) {
    if (error instanceof BadRequestError)
      return { detail: error.detail, errors: error.extensions['errors'] };
    throw error;
  }
  throw new Error('the body passed validation');
}

describe('validateBody', () => {
  it('returns an instance of the DTO with nested instances', async () => {
    const order = await validateBody(
      OrderDto,
      { ...valid, items: [{ name: 'x' }] },
      DEFAULT_VALIDATOR_OPTIONS,
    );
    expect(order).toBeInstanceOf(OrderDto);
    expect(order.address).toBeInstanceOf(AddressDto);
    expect(order.items?.[0]).toBeInstanceOf(ItemDto);
  });

  it.each([
    [null, 'null'],
    [[valid], 'an array'],
    ['text', 'a string'],
    [42, 'a number'],
  ])('C77: answers 400 for the top-level JSON %j', async (json, kind) => {
    await expect(validateBody(OrderDto, json, DEFAULT_VALIDATOR_OPTIONS)).rejects.toThrow(
      `The body must be a JSON object; got ${kind}.`,
    );
  });

  it('C78: lists an extra property, at top level and nested, and array item paths', async () => {
    expect(
      await errorsOf({
        ...valid,
        admin: true,
        address: { city: 'Lyon', zip: '1' },
        items: [{ name: 1 }],
      }),
    ).toEqual({
      detail: 'The body failed validation: admin, address.zip, items.0.name.',
      errors: {
        admin: ['property admin should not exist'],
        'address.zip': ['property zip should not exist'],
        'items.0.name': ['name must be a string'],
      },
    });
  });

  it('C80: does not convert "42" for a number field', async () => {
    expect(await errorsOf({ ...valid, quantity: '42' })).toMatchObject({
      errors: { quantity: ['quantity must be an integer number'] },
    });
  });

  it('C81: maps each failing field to all its messages', async () => {
    expect(await errorsOf({ ...valid, email: 5, note: 123456 })).toEqual({
      detail: 'The body failed validation: email, note.',
      errors: {
        email: ['email must be an email'],
        note: ['note must be shorter than or equal to 5 characters', 'note must be a string'],
      },
    });
  });

  it('C79: never lets a constructor-like key change the instance prototype', async () => {
    const order = await validateBody(OrderDto, { ...valid }, DEFAULT_VALIDATOR_OPTIONS);
    expect(Object.getPrototypeOf(order)).toBe(OrderDto.prototype);
  });
});

describe('toFieldErrors', () => {
  it('joins nested property names under the prefix', () => {
    const errors = [
      { property: 'city', constraints: { isString: 'city must be a string' }, children: [] },
    ];
    expect(toFieldErrors(errors, 'address')).toEqual({
      fields: { 'address.city': ['city must be a string'] },
      omitted: 0,
    });
  });

  it('keeps a field named like an inherited member as its own entry', () => {
    const errors = ['toString', '__proto__', 'toString'].map((property) => ({
      property,
      constraints: { whitelistValidation: `property ${property} should not exist` },
      children: [],
    }));
    const { fields } = toFieldErrors(errors, '');
    expect(Object.keys(fields)).toEqual(['toString', '__proto__']);
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(fields))).toEqual({
      toString: ['property toString should not exist', 'property toString should not exist'],
      ['__proto__']: ['property __proto__ should not exist'],
    });
  });
});

describe('the size of a validation problem', () => {
  async function problemOf(json: unknown): Promise<BadRequestError> {
    const thrown = await Promise.resolve(
      validateBody(OrderDto, json, DEFAULT_VALIDATOR_OPTIONS),
    ).then(
      () => undefined,
      (error: unknown) => error,
    );
    if (!(thrown instanceof BadRequestError)) throw new Error('expected a BadRequestError');
    return thrown;
  }

  function sizeOf(error: BadRequestError): number {
    return JSON.stringify({ detail: error.detail, ...error.extensions }).length;
  }

  it('lists at most 20 fields and counts every message it leaves out', async () => {
    const items = Array.from({ length: 130_000 }, () => 1);
    const error = await problemOf({ ...valid, items });
    const fields = error.extensions['errors'] as Record<string, string[]>;
    expect(Object.keys(fields)).toHaveLength(MAX_ERROR_FIELDS);
    expect(fields['items.0']).toEqual([
      'each value in nested property items must be either object or array',
    ]);
    expect(error.extensions['errorsOmitted']).toBe(130_000 - MAX_ERROR_FIELDS);
    expect(error.detail).toMatch(
      /^The body failed validation: items\.0, items\.1, .* and 129980 more errors\.$/,
    );
    expect(sizeOf(error)).toBeLessThan(4_096);
  });

  it('cuts long field names and stays within a few kilobytes', async () => {
    const unknown = Object.fromEntries(
      Array.from({ length: 50 }, (_, index) => [`${index}${'k'.repeat(100_000)}`, 1]),
    );
    const error = await problemOf({ ...valid, ...unknown });
    const fields = error.extensions['errors'] as Record<string, string[]>;
    for (const [path, messages] of Object.entries(fields)) {
      expect(path).toMatch(/… \(\d+ more characters\)$/);
      expect(messages.every((message) => message.length < 200)).toBe(true);
    }
    expect(error.extensions['errorsOmitted']).toBe(50 - Object.keys(fields).length);
    expect(sizeOf(error)).toBeLessThan(4_096);
  });

  it('lists at most five messages per field', () => {
    const constraints = Object.fromEntries(
      Array.from({ length: 8 }, (_, index) => [`rule${index}`, `message ${index}`]),
    );
    const result = toFieldErrors([{ property: 'name', constraints, children: [] }], '');
    expect(result.fields['name']).toHaveLength(MAX_MESSAGES_PER_FIELD);
    expect(result.omitted).toBe(3);
  });

  it('leaves errorsOmitted out when nothing was left out', async () => {
    const error = await problemOf({ ...valid, quantity: 'x' });
    expect(error.extensions).not.toHaveProperty('errorsOmitted');
  });
});

describe('bounding an array of DTOs', () => {
  class LimitedDto {
    @ArrayMaxSize(10) @ValidateNested({ each: true }) @Type(() => ItemDto) items!: ItemDto[];
  }

  it('with ArrayMaxSize and stopAtFirstError, reports the size and skips the items', async () => {
    const items = Array.from({ length: 100_000 }, () => 1);
    const options = { ...DEFAULT_VALIDATOR_OPTIONS, stopAtFirstError: true };
    const thrown = await Promise.resolve(validateBody(LimitedDto, { items }, options)).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(thrown).toBeInstanceOf(BadRequestError);
    expect((thrown as BadRequestError).extensions).toEqual({
      errors: { items: ['items must contain no more than 10 elements'] },
    });
  });
});
