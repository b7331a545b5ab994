/**
 * How a platform's escaped text spells a character: Slack's mrkdwn as `&amp;`-style entities, Discord's markdown
 * with backslashes, and text shown verbatim (inside a code block) not at all.
 */
export type Escapes = 'entities' | 'backslashes' | 'none';

const ELLIPSIS = '…';

/**
 * Cuts already-escaped text to at most `max` UTF-16 units (what both platforms count), ending in "…" when cut.
 * Never leaves half a surrogate pair, half an entity (`&am`) or a lone backslash (which would escape the ellipsis)
 * behind: each would render as garbage.
 */
export function fitText(text: string, max: number, escapes: Escapes): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, Math.max(0, max - ELLIPSIS.length));
  return wholeAtEnd(cut, escapes) + ELLIPSIS;
}

/** `text` without a cut-off surrogate pair or escape at its end. */
export function wholeAtEnd(text: string, escapes: Escapes): string {
  // A pair first, then an escape, then a pair again: dropping either can bare the other.
  return withoutHalfPair(withoutHalfEscape(withoutHalfPair(text), escapes));
}

function withoutHalfPair(text: string): string {
  return /[\ud800-\udbff]$/.test(text) ? text.slice(0, -1) : text;
}

function withoutHalfEscape(text: string, escapes: Escapes): string {
  if (escapes === 'entities') return text.replace(/&[a-z]*$/, '');
  if (escapes === 'backslashes') return text.replace(/\\+$/, (run) => (run.length % 2 === 0 ? run : run.slice(1)));
  return text;
}
