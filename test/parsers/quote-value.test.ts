import { describe, expect, it } from 'vitest';
import { quoteValue } from '../../src/parsers/quote-value.js';

describe('quoteValue', () => {
  it('wraps a value in double quotes, escaping quotes and backslashes', () => {
    expect(quoteValue('a "b" \\ c')).toBe('"a \\"b\\" \\\\ c"');
  });

  it('escapes controls, DEL, C1, line separators, bidi controls, BOM and unpaired surrogates that could disguise text', () => {
    expect(quoteValue('\u0000\n\u001b\u007f\u0085\u2028\u202e\u2066\ufeff\ud800')).toBe(
      '"\\u0000\\u000a\\u001b\\u007f\\u0085\\u2028\\u202e\\u2066\\ufeff\\ud800"',
    );
  });

  it('leaves printable non-ASCII text such as U-labels and paired surrogates as it is', () => {
    expect(quoteValue('bücher.example 𝄞')).toBe('"bücher.example 𝄞"');
  });

  it('cuts values longer than 64 characters, so a hostile value cannot flood a reason', () => {
    expect(quoteValue('x'.repeat(10_000))).toBe(`"${'x'.repeat(64)}…"`);
  });
});
