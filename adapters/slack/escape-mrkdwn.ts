/**
 * Slack treats only `&`, `<` and `>` as control characters; every mention, link and broadcast lives inside `<…>`,
 * so escaping these three (ampersand first, or the entities themselves get re-escaped) is the injection defence.
 */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/**
 * For text shown inside a ``` block. mrkdwn has no escape for backticks, so each one becomes U+02CB (ˋ), which looks
 * alike but cannot close the fence; a backtick has no place in a TXT record or policy anyway.
 */
export function escapeCodeBlock(text: string): string {
  return escapeMrkdwn(text).replaceAll('`', '\u02cb');
}
