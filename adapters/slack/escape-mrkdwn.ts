import { escapeUnsafeKeepingLines } from '../../src/text/escape-unsafe.js';

/**
 * Slack treats only `&`, `<` and `>` as control characters; every mention, link and broadcast lives inside `<…>`,
 * so escaping these three (ampersand first, or the entities themselves get re-escaped) is the injection defence.
 * Control characters (ESC, C1, bidi overrides) are shown as visible \uXXXX escapes: Slack would pass them on raw.
 */
export function escapeMrkdwn(text: string): string {
  return escapeUnsafeKeepingLines(text).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/**
 * For text shown inside a ``` block. mrkdwn has no escape for backticks, so each one becomes U+02CB (ˋ), which looks
 * alike but cannot close the fence; a backtick has no place in a TXT record or policy anyway.
 */
export function escapeCodeBlock(text: string): string {
  return escapeMrkdwn(text).replaceAll('`', '\u02cb');
}
