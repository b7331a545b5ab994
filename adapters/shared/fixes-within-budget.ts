/**
 * The fixes of a thread cut to the channel message's budget, the same way on every platform: each fix's parts (its
 * sentence, then its code) in order, for as long as `admit` lets a part in; the first part refused ends the thread.
 * `admit` keeps the platform's own count and says whether one more part fits.
 */
export function fixesWithinBudget<T>(
  fixes: readonly (readonly T[])[],
  admit: (part: T) => boolean,
): { parts: T[]; more: number; cut: boolean } {
  const parts: T[] = [];
  let shown = 0;
  for (const fix of fixes) {
    const taken = fix.findIndex((part) => !admit(part));
    if (taken === 0) break;
    parts.push(...(taken === -1 ? fix : fix.slice(0, taken)));
    shown += 1;
    if (taken !== -1) return { parts, more: fixes.length - shown, cut: true };
  }
  return { parts, more: fixes.length - shown, cut: false };
}

/** The closing line when fixes were left out or cut: how many, and where the full list is (`fullList`, formatted). */
export function moreFixesLine(more: number, cut: boolean, fullList: string): string {
  const counted = [cut ? 'the last fix is cut short' : null, more > 0 ? `+${more} more fixes` : null];
  return `${counted.filter((part) => part !== null).join('; ')}: the full list is in ${fullList}`;
}
