import { ECHO_LIMIT, quoteInput, truncateInput } from './echo-input';

describe('truncateInput', () => {
  it('keeps short text as it is', () => {
    expect(truncateInput('/users/42')).toBe('/users/42');
  });

  it('cuts long text and says how much is missing', () => {
    const text = 'a'.repeat(ECHO_LIMIT + 1_000);
    expect(truncateInput(text)).toBe(`${'a'.repeat(ECHO_LIMIT)}… (1000 more characters)`);
  });

  it('never splits a surrogate pair', () => {
    const text = `${'a'.repeat(ECHO_LIMIT - 1)}😀tail`;
    const cut = truncateInput(text);
    expect(cut.startsWith(`${'a'.repeat(ECHO_LIMIT - 1)}…`)).toBe(true);
    expect(cut).toContain('(6 more characters)');
    expect(Buffer.from(cut, 'utf8').toString('utf8')).toBe(cut);
  });
});

describe('quoteInput', () => {
  it('quotes short text as JSON', () => {
    expect(quoteInput('say "hi"')).toBe('"say \\"hi\\""');
  });

  it('quotes the kept part of long text', () => {
    expect(quoteInput('x'.repeat(150), 10)).toBe('"xxxxxxxxxx"… (140 more characters)');
  });
});
