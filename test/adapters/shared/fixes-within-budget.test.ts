import { describe, expect, it } from 'vitest';
import { fixesWithinBudget, moreFixesLine } from '../../../adapters/shared/fixes-within-budget.js';

/** Admits parts while their lengths add up to at most `budget`. */
function lengthBudget(budget: number): (part: string) => boolean {
  let used = 0;
  return (part) => {
    if (used + part.length > budget) return false;
    used += part.length;
    return true;
  };
}

describe('fixesWithinBudget', () => {
  it('takes every fix whole when all fit', () => {
    expect(fixesWithinBudget([['aa', 'bb'], ['cc']], lengthBudget(6))).toEqual({
      parts: ['aa', 'bb', 'cc'],
      more: 0,
      cut: false,
    });
  });

  it('stops before a fix whose first part does not fit, and counts it and the rest as more', () => {
    expect(fixesWithinBudget([['aa'], ['bbbb'], ['c']], lengthBudget(5))).toEqual({
      parts: ['aa'],
      more: 2,
      cut: false,
    });
  });

  it('shows the begun part of a fix that runs out of room, and says it was cut', () => {
    expect(fixesWithinBudget([['aa'], ['bb', 'cccc'], ['d']], lengthBudget(5))).toEqual({
      parts: ['aa', 'bb'],
      more: 1,
      cut: true,
    });
  });
});

describe('moreFixesLine', () => {
  it('says what was left out and where the full list is', () => {
    expect(moreFixesLine(3, false, '`list`')).toBe('+3 more fixes: the full list is in `list`');
    expect(moreFixesLine(0, true, '`list`')).toBe('the last fix is cut short: the full list is in `list`');
    expect(moreFixesLine(2, true, '`list`')).toBe(
      'the last fix is cut short; +2 more fixes: the full list is in `list`',
    );
  });
});
