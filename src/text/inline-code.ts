/**
 * Hosts, patterns, records and ids go in inline code, so chat markdown cannot eat their `*`, `_` or `~`. A backtick
 * inside the value becomes U+02CB (ˋ), which looks alike but cannot close the span: the value stays one span.
 */
export function inlineCode(value: string): string {
  return `\`${value.replaceAll('`', '\u02cb').replace(/[\r\n]+/g, ' ')}\``;
}

export interface TextPart {
  code: boolean;
  text: string;
}

/** Splits text into plain parts and `code` spans (a lone backtick stays plain text), so each gets its own escaping. */
export function splitCodeSpans(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const match of text.matchAll(/`([^`\n]+)`/g)) {
    if (match.index > at) parts.push({ code: false, text: text.slice(at, match.index) });
    parts.push({ code: true, text: match[1]! });
    at = match.index + match[0].length;
  }
  if (at < text.length) parts.push({ code: false, text: text.slice(at) });
  return parts;
}
