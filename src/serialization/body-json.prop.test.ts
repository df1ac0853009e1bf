import { Exclude, Expose, instanceToPlain, Transform } from 'class-transformer';
import fc from 'fast-check';
import type { SerializeSettings } from '../metadata/records';
import { bodyJsonOf } from './body-json';
import { toPlainBody, transformOptionsOf } from './to-plain-body';

const RUNS = { numRuns: 200 };

/** A class class-transformer knows, with every kind of rule a response DTO uses. */
class Item {
  @Exclude() secret = 'must-not-leave';
  @Expose({ groups: ['a'] }) forA = 'only-for-a';
  @Expose({ name: 'renamed' }) original = 'kept';
  @Expose()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.toUpperCase() : value,
  )
  label = 'shout';
  constructor(readonly value: unknown) {}
}

/** A subclass: it reads its base class's rules. */
class SpecialItem extends Item {
  @Exclude() extra = 'also-secret';
}

/** A class class-transformer knows nothing of. */
class Box {
  constructor(readonly value: unknown) {}
}

const key = fc.constantFrom('id', 'name', 'items', 'constructor', 'toString', 'value', '', 'é');

const leaf = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.date({ noInvalidDate: true }),
);

const { body } = fc.letrec((tie) => ({
  body: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('body'), { maxLength: 4 }),
    fc.dictionary(key, tie('body'), { maxKeys: 4 }),
    tie('body').map((value) => new Item(value)),
    tie('body').map((value) => new SpecialItem(value)),
    tie('body').map((value) => new Box(value)),
  ),
}));

const settings: fc.Arbitrary<SerializeSettings | undefined> = fc.option(
  fc.record(
    {
      groups: fc.subarray(['a', 'b']),
      strategy: fc.constantFrom<'exposeAll' | 'excludeAll'>('exposeAll', 'excludeAll'),
    },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);

/**
 * The text written, or the error: class-transformer itself throws on some data (a plain object
 * with a `constructor` key inside an instance), and then both ways must throw alike.
 */
function outcome(write: () => string | undefined): { text?: string; error?: string } {
  try {
    const text = write();
    return text === undefined ? {} : { text };
  } catch (error) {
    return { error: String(error) };
  }
}

/**
 * What the documentation promises, written the slow, obvious way: an instance of a class
 * class-transformer knows goes through `instanceToPlain`; everything else, an undecorated
 * instance included, is sent as `JSON.stringify` sends it; under `excludeAll` every instance goes
 * through `instanceToPlain`, so an undecorated one sends nothing.
 */
function expectedJson(value: unknown, route: SerializeSettings | undefined): string | undefined {
  const options = transformOptionsOf(route, undefined);
  if (options.strategy === 'excludeAll') return JSON.stringify(toPlainBody(value, options));
  const copy = (item: unknown): unknown => {
    if (typeof item !== 'object' || item === null || item instanceof Date) return item;
    if (Array.isArray(item)) return item.map(copy);
    if (item instanceof Item) return instanceToPlain(item, options);
    const plain: Record<string, unknown> = Object.create(null);
    for (const name of Object.keys(item)) plain[name] = copy(Reflect.get(item, name));
    return plain;
  };
  return JSON.stringify(copy(value));
}

describe('bodyJsonOf against the rule written the obvious way', () => {
  it('writes the same text for any mix of plain data and instances, under any settings', () => {
    fc.assert(
      fc.property(body, settings, (value, route) => {
        expect(outcome(() => bodyJsonOf(route, undefined)(value))).toEqual(
          outcome(() => expectedJson(value, route)),
        );
      }),
      RUNS,
    );
  });

  it('never sends an excluded property, however deep', () => {
    fc.assert(
      fc.property(body, settings, (value, route) => {
        const text = outcome(() => bodyJsonOf(route, undefined)(value)).text ?? '';
        expect(text).not.toContain('must-not-leave');
        expect(text).not.toContain('also-secret');
      }),
      RUNS,
    );
  });
});
