import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { CreateUserDto } from './create-user-dto.ts';

/** Validates `body` with the options `@Body()` uses; returns the instance and failing fields. */
async function check(body: object): Promise<{ dto: CreateUserDto; failed: string[] }> {
  const dto = plainToInstance(CreateUserDto, body);
  const errors = await validate(dto, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
  });
  return { dto, failed: errors.map((error) => error.property).sort() };
}

const VALID = { name: 'Ada Lovelace', email: 'ada@example.com' };

/** A well-formed address of `length` characters: a 64-character local part, 63-character labels. */
function emailOfLength(length: number): string {
  const local = 'a'.repeat(64);
  let domain = 'com';
  while (local.length + 1 + domain.length < length) {
    const room = length - local.length - 1 - domain.length - 1;
    domain = `${'b'.repeat(Math.min(63, room))}.${domain}`;
  }
  return `${local}@${domain}`;
}

describe('CreateUserDto', () => {
  it('accepts a name and an email', async () => {
    expect((await check(VALID)).failed).toEqual([]);
  });

  it('trims the name', async () => {
    const { dto, failed } = await check({ ...VALID, name: '  Ada \t\n' });

    expect(failed).toEqual([]);
    expect(dto.name).toBe('Ada');
  });

  it('lower-cases the email', async () => {
    const { dto, failed } = await check({ ...VALID, email: 'Ada.Lovelace@Example.COM' });

    expect(failed).toEqual([]);
    expect(dto.email).toBe('ada.lovelace@example.com');
  });

  it('keeps a unicode name exactly, combining marks and astral characters included', async () => {
    // Prepare
    const name = 'Zoe\u0308 李小龍 🚀 Ñandú';

    // Act
    const { dto, failed } = await check({ ...VALID, name });

    // Assess
    expect(failed).toEqual([]);
    expect(dto.name).toBe(name);
  });

  it.each([
    ['100 ASCII characters', 'a'.repeat(100)],
    ['100 astral characters (200 UTF-16 units)', '🚀'.repeat(100)],
    ['one character', 'A'],
  ])('accepts a name of %s', async (_label, name) => {
    expect((await check({ ...VALID, name })).failed).toEqual([]);
  });

  it.each([
    ['only spaces', '   '],
    ['empty', ''],
    ['101 characters', 'a'.repeat(101)],
    ['101 characters after trimming', ` ${'a'.repeat(101)} `],
    ['a number', 42],
    ['null', null],
    ['an array', ['Ada']],
    ['an object', { first: 'Ada' }],
  ])('rejects a name that is %s', async (_label, name) => {
    expect((await check({ ...VALID, name })).failed).toEqual(['name']);
  });

  it.each([
    ['without @', 'ada.example.com'],
    ['with a space', 'ada lovelace@example.com'],
    ['with a leading space', ' ada@example.com'],
    ['with two @', 'ada@@example.com'],
    ['without a domain', 'ada@'],
    ['empty', ''],
    ['of 255 characters', emailOfLength(255)],
    ['a number', 7],
    ['true', true],
  ])('rejects an email %s', async (_label, email) => {
    expect((await check({ ...VALID, email })).failed).toEqual(['email']);
  });

  it('accepts an email of exactly 254 characters', async () => {
    // Prepare
    const email = emailOfLength(254);

    // Assess
    expect(email).toHaveLength(254);
    expect((await check({ ...VALID, email })).failed).toEqual([]);
  });

  it.each([
    ['name', { email: VALID.email }],
    ['email', { name: VALID.name }],
  ])('rejects a body without %s', async (field, body) => {
    expect((await check(body)).failed).toEqual([field]);
  });

  it('rejects extra properties', async () => {
    expect((await check({ ...VALID, admin: true })).failed).toEqual(['admin']);
  });
});
