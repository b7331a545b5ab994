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
  const kept: string[] = [];
  let length = 0;
  for (const [index, line] of lines.entries()) {
    const left = lines.length - index - 1;
    const reserve = left > 0 ? 1 + more(left).length : 0;
    const cost = (kept.length > 0 ? 1 : 0) + line.length;
    if (length + cost + reserve > max) {
      const tail = more(lines.length - index);
      return kept.length > 0 ? `${kept.join('\n')}\n${tail}` : fitText(tail, max);
    }
    kept.push(line);
    length += cost;
  }
  return kept.join('\n');
}
