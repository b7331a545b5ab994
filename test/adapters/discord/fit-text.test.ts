import { describe, expect, it } from 'vitest';
import { fitEscaped, fitLines, fitText } from '../../../adapters/discord/fit-text.js';

// The cutting itself is tested in test/adapters/shared/fit-text.test.ts; here, that Discord's escapes stay whole.
describe('fitText (Discord)', () => {
  it('drops a lone trailing backslash so the ellipsis is not escaped, but keeps an escaped one', () => {
    expect(fitText('ab\\*cd', 4)).toBe('ab…');
    expect(fitText('a\\\\bcd', 4)).toBe('a\\\\…');
  });

  it('keeps an ampersand (Discord has no entities)', () => {
    expect(fitText('AT&T Inc', 4)).toBe('AT&…');
  });
});

describe('fitLines', () => {
  const more = (n: number) => `+${n} more`;

  it('joins all lines when they fit', () => {
    expect(fitLines(['a', 'b', 'c'], 5, more)).toBe('a\nb\nc');
  });

  it('keeps whole lines and sums up the rest as "+N more" within the limit', () => {
    const lines = Array.from({ length: 100 }, (_, i) => `line ${String(i).padStart(2, '0')}`);
    const fitted = fitLines(lines, 100, more);
    const kept = fitted.split('\n');
    const tail = kept.pop()!;

    expect(fitted.length).toBeLessThanOrEqual(100);
    expect(kept).toEqual(lines.slice(0, kept.length));
    expect(tail).toBe(`+${100 - kept.length} more`);
  });

  it('shows only the count when not even the first line fits', () => {
    expect(fitLines(['x'.repeat(50)], 20, more)).toBe('+1 more');
  });
});

describe('fitEscaped', () => {
  it('escapes and fits, marking a cut with an ellipsis', () => {
    expect(fitEscaped('**a** @here', 100)).toBe('\\*\\*a\\*\\* @\u200bhere');
    expect(fitEscaped('abcdefgh', 5)).toBe('abcd…');
  });

  it('marks a cut even when dropped control characters make the rest fit', () => {
    expect(fitEscaped(`abc${'\u0000'.repeat(10)}defgh`, 6)).toBe('abc…');
  });
});
