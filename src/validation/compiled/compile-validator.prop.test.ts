import 'reflect-metadata';
import type { ValidatorOptions } from 'class-validator';
import fc from 'fast-check';
import {
  compiledOutcome,
  forgetClass,
  jsonObjectOf,
  referenceOutcome,
  VALIDATOR_RUNS,
} from '../../test/support/validation-differential';
import { anyRule, dtoOf, inputsOf, RULES, type Rule } from '../../test/support/validation-rules';
import { DEFAULT_VALIDATOR_OPTIONS } from '../validate-body';

const OPTION_VARIANTS: readonly ValidatorOptions[] = [
  DEFAULT_VALIDATOR_OPTIONS,
  { ...DEFAULT_VALIDATOR_OPTIONS, forbidNonWhitelisted: false },
  { ...DEFAULT_VALIDATOR_OPTIONS, forbidUnknownValues: false, whitelist: false },
  { whitelist: true, forbidNonWhitelisted: true, validationError: { target: true, value: true } },
  {},
];

/** Compiles a generated DTO and checks both answers agree on every input, then forgets it. */
async function agreeOn(
  properties: readonly (readonly Rule[])[],
  inputs: readonly object[],
  options: ValidatorOptions,
): Promise<void> {
  const dto = dtoOf(properties);
  try {
    for (const json of inputs) {
      const expected = await referenceOutcome(dto, json, options);
      expect(await compiledOutcome(dto, json, options)).toEqual(expected);
    }
  } finally {
    forgetClass(dto);
  }
}

describe('a compiled validator against class-validator', () => {
  describe.each(RULES)('with %s alone', (_label, ruleArbitrary) => {
    it('gives the same pass or fail, instance and error tree', async () => {
      const spec = fc.tuple(ruleArbitrary, fc.boolean()).chain(([item, withOther]) => {
        const properties = withOther ? [[item], []] : [[item]];
        return fc.tuple(fc.constant(properties), inputsOf(properties));
      });
      await fc.assert(
        fc.asyncProperty(spec, ([properties, inputs]) =>
          agreeOn(properties, inputs, DEFAULT_VALIDATOR_OPTIONS),
        ),
        { numRuns: VALIDATOR_RUNS },
      );
    });
  });

  it('gives the same answers for random combinations of rules on several properties', async () => {
    const spec = fc
      .array(fc.array(anyRule, { maxLength: 4 }), { minLength: 1, maxLength: 3 })
      .chain((properties) => fc.tuple(fc.constant(properties), inputsOf(properties)));
    await fc.assert(
      fc.asyncProperty(spec, ([properties, inputs]) =>
        agreeOn(properties, inputs, DEFAULT_VALIDATOR_OPTIONS),
      ),
      { numRuns: VALIDATOR_RUNS },
    );
  });

  it('gives the same answers under each supported combination of validator options', async () => {
    const spec = fc
      .array(fc.array(anyRule, { maxLength: 3 }), { minLength: 0, maxLength: 2 })
      .chain((properties) =>
        fc.tuple(
          fc.constant(properties),
          properties.length === 0
            ? fc.array(jsonObjectOf(['p0']), { minLength: 1, maxLength: 3 })
            : inputsOf(properties),
          fc.constantFrom(...OPTION_VARIANTS),
        ),
      );
    await fc.assert(
      fc.asyncProperty(spec, ([properties, inputs, options]) =>
        agreeOn(properties, inputs, options),
      ),
      { numRuns: VALIDATOR_RUNS },
    );
  });
});
