import { fitText as fitEscapedText } from '../shared/fit-text.js';
import { escapeProse, escapeText } from './escape.js';

/** Cuts Discord markdown to at most `max` characters, ending in "…"; never leaves a backslash to escape the "…". */
export function fitText(text: string, max: number): string {
  return fitEscapedText(text, max, 'backslashes');
}

/**
 * Joins as many whole lines as fit in `max` characters; the lines left over are summed up by `more(n)` on a last
 * line, so a long list is cut cleanly instead of mid-line.
 */
export function fitLines(lines: readonly string[], max: number, more: (left: number) => string): string {
  const all = lines.join('\n');
  if (all.length <= max) return all;
  let kept = 0;
  let length = -1;
  // Each kept line must leave room for the line that sums up the rest.
  while (kept < lines.length) {
    const next = length + 1 + lines[kept]!.length;
    if (next + 1 + more(lines.length - kept).length > max) break;
    length = next;
    kept += 1;
  }
  const tail = more(lines.length - kept);
  return kept > 0 ? `${lines.slice(0, kept).join('\n')}\n${tail}` : fitText(tail, max);
}

/**
 * Escapes remote text for Discord and fits the result in `max`. Only the part that can show is escaped: the
 * markdown escaper is quadratic on long input, and remote text can be as long as a hostile server makes it.
 */
export function fitEscaped(text: string, max: number): string {
  return fitText(escapeText(fitText(text, max + 1)), max);
}

/** fitEscaped for prose that may hold `code` spans (see escapeProse). */
export function fitEscapedProse(text: string, max: number): string {
  return fitText(escapeProse(fitText(text, max + 1)), max);
}
