import { escapeMarkdown } from 'discord.js';
import { splitCodeSpans } from '../../src/text/inline-code.js';

const ZWSP = '\u200b';
// NUL and other controls can get a message rejected; bidi overrides can make a hostile name read as another.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f]/g;

/**
 * Makes remote text inert in Discord markdown: formatting, headings, lists, masked links, quotes and subtext are
 * escaped, and mention syntax is broken with a zero-width space as a second belt next to `allowed_mentions`.
 * Every square bracket is escaped, not only a first `[…](…)` per line (discord.js's masked-link escape), so no
 * masked link can form anywhere, inside code spans included.
 */
export function escapeText(text: string): string {
  const escaped = escapeMarkdown(text.replace(UNSAFE, ''), {
    codeBlockContent: true,
    inlineCodeContent: true,
    heading: true,
    bulletedList: true,
    numberedList: true,
  });
  return escaped
    .replace(/[[\]]/g, '\\$&')
    .replace(/^(\s*)(>|-#)/gm, '$1\\$2')
    .replace(/@(everyone|here)/gi, `@${ZWSP}$1`)
    .replaceAll('<', `<${ZWSP}`);
}

/**
 * Text to show inside a ``` block: it is shown verbatim, so only a run of backticks (which could close the block)
 * is broken up. Everything else stays paste-ready.
 */
export function escapeCode(code: string): string {
  return code.replace(UNSAFE, '').replace(/`(?=`)/g, `\`${ZWSP}`);
}

/** For prose that may hold `code` spans: spans stay inline code (shown verbatim, so only made safe), the rest escaped. */
export function escapeProse(text: string): string {
  return splitCodeSpans(text)
    .map((part) =>
      part.code
        ? `\`${part.text.replace(UNSAFE, '').replace(/@(everyone|here)/gi, `@${ZWSP}$1`)}\``
        : escapeText(part.text),
    )
    .join('');
}
