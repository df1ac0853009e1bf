import 'reflect-metadata';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  DEFAULT_VALIDATOR_OPTIONS,
  validateBody as validateNow,
} from '../validation/validate-body';
import { SchemaRegistry } from './schema-from-validators';

/** `validateBody` as a promise, however it answered: a compiled DTO throws at once. */
const validateBody: typeof validateNow = async (dto, json, options) =>
  validateNow(dto, json, options);

class Address {
  @IsString() @Length(1, 50) city!: string;
  @Matches(/^[0-9]{5}$/) zip!: string;
}

class Signup {
  @IsUUID('4') id!: string;
  @IsString() @Length(1, 20) name!: string;
  @IsEmail() email!: string;
  @IsInt() @Min(18) @Max(130) age!: number;
  @IsIn(['free', 'pro']) plan!: string;
  @IsOptional() @IsBoolean() newsletter?: boolean | null;
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2)
  @ValidateNested({ each: true })
  @Type(() => Address)
  addresses!: Address[];
  @IsOptional() @IsString({ each: true }) tags?: string[];
}

const VALID = {
  id: '3f2b8c1d-1a2b-4c3d-8e4f-5a6b7c8d9e0f',
  name: 'Ada',
  email: 'ada@example.com',
  age: 36,
  plan: 'pro',
  addresses: [{ city: 'London', zip: '12345' }],
};

const registry = new SchemaRegistry(DEFAULT_VALIDATOR_OPTIONS);
const ref = registry.refTo(Signup).$ref;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
// The components live where a document keeps them, so their $refs resolve unchanged.
ajv.addSchema({ $id: 'doc', components: { schemas: registry.schemas } });
const matchesSchema = ajv.compile({ $ref: `doc${ref}` });

async function passesValidator(body: object): Promise<boolean> {
  return Promise.resolve(validateBody(Signup, body, DEFAULT_VALIDATOR_OPTIONS)).then(
    () => true,
    () => false,
  );
}

describe('a DTO schema and class-validator', () => {
  it('both accept the complete body, so agreement below is not agreement on refusing all', async () => {
    expect([await passesValidator(VALID), matchesSchema(VALID)]).toEqual([true, true]);
  });

  it.each<[string, object]>([
    ['a complete body', VALID],
    ['optional members given', { ...VALID, newsletter: true, tags: ['a', 'b'] }],
    ['optional members null', { ...VALID, newsletter: null, tags: null }],
    ['a missing member', { ...VALID, email: undefined }],
    ['an unknown member', { ...VALID, admin: true }],
    ['a null required member', { ...VALID, name: null }],
    ['a string where an integer goes', { ...VALID, age: '36' }],
    ['a fraction where an integer goes', { ...VALID, age: 36.5 }],
    ['a number under the minimum', { ...VALID, age: 17 }],
    ['a number over the maximum', { ...VALID, age: 131 }],
    ['an empty string under Length', { ...VALID, name: '' }],
    ['a string over Length', { ...VALID, name: 'n'.repeat(21) }],
    ['a value outside IsIn', { ...VALID, plan: 'gold' }],
    ['a malformed uuid', { ...VALID, id: 'not-a-uuid' }],
    ['a malformed email', { ...VALID, email: 'ada.example.com' }],
    ['an empty array under ArrayMinSize', { ...VALID, addresses: [] }],
    [
      'an array over ArrayMaxSize',
      { ...VALID, addresses: [VALID.addresses[0], VALID.addresses[0], VALID.addresses[0]] },
    ],
    ['an invalid nested item', { ...VALID, addresses: [{ city: 'London', zip: '1234' }] }],
    ['an unknown nested member', { ...VALID, addresses: [{ city: 'London', zip: '12345', x: 1 }] }],
    ['a non-string item under each', { ...VALID, tags: ['a', 1] }],
  ])('agree on %s', async (_label, body) => {
    // Prepare: drop undefined members, as JSON would
    const json: object = JSON.parse(JSON.stringify(body));

    // Act
    const [validator, schema] = [await passesValidator(json), matchesSchema(json)];

    // Assess
    expect({ schema }).toEqual({ schema: validator });
  });
});
