import { escapeDiscord, escapeDiscordProse } from './escape.js';

const ELLIPSIS = '…';

/** Cuts text to at most `max` UTF-16 units (Discord counts no more than that), ending in "…" when cut. */
export function fitText(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - ELLIPSIS.length));
  // Never leave half a surrogate pair, nor a trailing backslash that would escape the ellipsis.
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  cut = cut.replace(/\\+$/, (run) => (run.length % 2 === 0 ? run : run.slice(1)));
  return cut + ELLIPSIS;
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
  return fitText(escapeDiscord(fitText(text, max + 1)), max);
}

/** fitEscaped for prose that may hold `code` spans (see escapeDiscordProse). */
export function fitEscapedProse(text: string, max: number): string {
  return fitText(escapeDiscordProse(fitText(text, max + 1)), max);
}
