import { describe, expect, it } from 'vitest';
import { inlineCode, splitCodeSpans } from '../../src/text/inline-code.js';

describe('inlineCode', () => {
  it('wraps a value in backticks', () => {
    expect(inlineCode('*.mx.example.com')).toBe('`*.mx.example.com`');
  });

  it('turns a backtick of remote text into ˋ, so it cannot close the span, and a newline into a space', () => {
    expect(inlineCode('mx`.evil\n<!channel>')).toBe('`mx\u02cb.evil <!channel>`');
  });
});

describe('splitCodeSpans', () => {
  it('splits plain text from code spans, and leaves a lone backtick plain', () => {
    expect(splitCodeSpans('Add `mx: *.example.com` to it ` ok')).toEqual([
      { code: false, text: 'Add ' },
      { code: true, text: 'mx: *.example.com' },
      { code: false, text: ' to it ` ok' },
    ]);
  });
});
