import { escapeUnsafeKeepingLines } from '../../src/text/escape-unsafe.js';
import { splitCodeSpans } from '../../src/text/inline-code.js';

/**
 * Slack treats only `&`, `<` and `>` as control characters; every mention, link and broadcast lives inside `<…>`,
 * so escaping these three (ampersand first, or the entities themselves get re-escaped) is the injection defence.
 * Control characters (ESC, C1, bidi overrides) are shown as visible \uXXXX escapes: Slack would pass them on raw.
 */
export function escapeText(text: string): string {
  return escapeUnsafeKeepingLines(text).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/**
 * For text shown inside a ``` block. mrkdwn has no escape for backticks, so each one becomes U+02CB (ˋ), which looks
 * alike but cannot close the fence; a backtick has no place in a TXT record or policy anyway.
 */
export function escapeCode(text: string): string {
  return escapeText(text).replaceAll('`', '\u02cb');
}

/**
 * For prose that may hold `code` spans (catalog fixes, finding details): spans stay inline code, and in the plain
 * parts `*`, `_` and `~` become look-alikes (∗ ˍ ˜) so Slack cannot pair them into bold, italic or strike.
 */
export function escapeProse(text: string): string {
  return splitCodeSpans(text)
    .map((part) =>
      part.code
        ? `\`${escapeCode(part.text)}\``
        : escapeText(part.text).replaceAll('*', '\u2217').replaceAll('_', '\u02cd').replaceAll('~', '\u02dc'),
    )
    .join('');
}
