import { constraintSchema } from './constraint-schemas';

enum Level {
  Low,
  High,
}

describe('constraintSchema', () => {
  it('reads enum values from the enum object when no value list is given', () => {
    expect(constraintSchema('isEnum', [Level])).toEqual({ schema: { enum: [0, 1] } });
  });

  it.each([
    ['a custom validator', 'customRule', []],
    ['a name class-validator did not record', undefined, []],
    ['a prototype member', 'toString', []],
  ])('says nothing about %s', (_label, name, constraints) => {
    expect(constraintSchema(name, constraints)).toBeUndefined();
  });

  it('documents no pattern for a string pattern with modifiers', () => {
    expect(constraintSchema('matches', ['^a', 'i'])).toEqual({ implies: 'string' });
  });

  it('ignores a bound that is not a finite number', () => {
    expect(constraintSchema('min', [Number.NaN])).toBeUndefined();
    expect(constraintSchema('maxLength', ['10'])).toEqual({ implies: 'string', schema: {} });
  });
});
