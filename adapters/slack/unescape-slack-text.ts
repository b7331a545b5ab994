/** Slack entity-encodes `&`, `<` and `>` in the command text it sends; decode before the core parses it. */
export function unescapeSlackText(text: string): string {
  return text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}
