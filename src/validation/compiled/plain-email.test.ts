import fc from 'fast-check';
import isEmail from 'validator/lib/isEmail';
import { knownEmailVerdict, PLAIN_EMAIL } from './plain-email';

const RUNS = { numRuns: 2000 };

/** Characters near the edges of what either side accepts. */
const tricky = fc.constantFrom(
  ...'aZ09._+-@"\\ ()<>[]:;,!#$%&\'*/=?^`{|}~é\u00a0\uff41\u0131\u017f\u212a\t\n'.split(''),
);
const trickyString = fc.string({ unit: tricky, maxLength: 80 });

/** An address from the shortcut's own grammar, then lengthened, cut or spliced. */
const nearPlain = fc
  .tuple(
    fc.stringMatching(PLAIN_EMAIL),
    fc.nat({ max: 300 }),
    trickyString,
    fc.constantFrom('none', 'prefix', 'suffix', 'insert', 'repeat-local', 'repeat-label'),
  )
  .map(([address, at, extra, how]) => {
    const [local = '', domain = ''] = address.split('@');
    switch (how) {
      case 'prefix':
        return extra + address;
      case 'suffix':
        return address + extra;
      case 'insert':
        return (
          address.slice(0, at % (address.length + 1)) +
          extra +
          address.slice(at % (address.length + 1))
        );
      case 'repeat-local':
        return `${local.repeat(1 + (at % 9))}@${domain}`;
      case 'repeat-label':
        return `${local}@${'a'.repeat(at % 80)}.${domain}`;
      default:
        return address;
    }
  });

describe('knownEmailVerdict', () => {
  it('recognizes everyday addresses', () => {
    for (const address of [
      'ada@example.com',
      'Ada.Lovelace+tag@mail.example.co.uk',
      'first_last-1@sub-domain.example.org',
      `${'a'.repeat(64)}@example.com`,
    ]) {
      expect(knownEmailVerdict(address)).toBe(true);
    }
  });

  it('leaves to isEmail what it does not know, which isEmail may accept or refuse', () => {
    for (const address of [
      '"quoted"@example.com',
      'josé@example.com',
      'ada@example.xn--p1ai',
      'ada@localhost',
      'a..b@example.com',
      `${'a'.repeat(65)}@example.com`,
      'ada@-example.com',
      'ada@example.c0m',
      '@example.com',
    ]) {
      expect(knownEmailVerdict(address)).toBeUndefined();
    }
  });

  it('refuses a string without @ and one over 254 characters, as isEmail does', () => {
    for (const value of [
      '',
      'not-an-email',
      'example.com',
      `${'a'.repeat(64)}@${'b'.repeat(190)}.com`,
    ]) {
      expect(knownEmailVerdict(value)).toBe(false);
      expect(isEmail(value)).toBe(false);
    }
  });

  it('gives only what isEmail says with its default options', () => {
    fc.assert(
      fc.property(fc.oneof(nearPlain, trickyString, fc.emailAddress()), (candidate) => {
        const verdict = knownEmailVerdict(candidate);
        if (verdict !== undefined) expect(isEmail(candidate)).toBe(verdict);
      }),
      RUNS,
    );
  });

  it('recognizes most addresses from its own grammar, so the shortcut is taken', () => {
    const sample = fc.sample(fc.stringMatching(PLAIN_EMAIL), { numRuns: 500, seed: 1 });
    const recognized = sample.filter((address) => knownEmailVerdict(address) === true);

    expect(recognized.length).toBeGreaterThan(sample.length / 2);
    for (const address of recognized) expect(isEmail(address)).toBe(true);
  });
});
