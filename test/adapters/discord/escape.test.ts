import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeCode, escapeProse, escapeText } from '../../../adapters/discord/escape.js';
import { inlineCode } from '../../../src/text/inline-code.js';

const ZWSP = '\u200b';

describe('escapeText', () => {
  it('escapes bold, italic, underline, strikethrough, spoiler and inline code', () => {
    expect(escapeText('**b** *i* __u__ ~~s~~ ||sp|| `c`')).toBe(
      '\\*\\*b\\*\\* \\*i\\* \\_\\_u\\_\\_ \\~\\~s\\~\\~ \\|\\|sp\\|\\| \\`c\\`',
    );
  });

  it('escapes headings, lists, quotes, subtext and masked links at the start of a line', () => {
    expect(escapeText('# big\n- item\n1. one\n> quote\n-# small\n[bank](https://evil.example)')).toBe(
      '\\# big\n\\- item\n1\\. one\n\\> quote\n\\-# small\n\\[bank\\](https://evil.example)',
    );
  });

  it('breaks @everyone, @here and <@…>, <@&…>, <#…> mentions with a zero-width space', () => {
    expect(escapeText('@everyone @HERE <@123> <@!12> <@&456> <#789>')).toBe(
      `@${ZWSP}everyone @${ZWSP}HERE <${ZWSP}@123> <${ZWSP}@!12> <${ZWSP}@&456> <${ZWSP}#789>`,
    );
  });

  it('escapes backslashes, so remote text cannot undo an escape', () => {
    expect(escapeText('\\*x\\*')).toBe('\\\\\\*x\\\\\\*');
  });

  it('drops control characters and bidi overrides but keeps newlines and tabs', () => {
    expect(escapeText('a\u0000b\u202ec\u2066d\u001b[31me\nf\tg')).toBe('abcd\\[31me\nf\tg');
  });

  it('escapes every masked link, not only the first one on a line', () => {
    expect(escapeText('v=STSv1; id=1; [Fix](https://evil.example)')).toBe(
      'v=STSv1; id=1; \\[Fix\\](https://evil.example)',
    );
    expect(escapeText('[a](https://a.example) [b](https://b.example)')).toBe(
      '\\[a\\](https://a.example) \\[b\\](https://b.example)',
    );
  });

  it('escapes masked links inside inline code and code fences, whose markers it escapes too', () => {
    expect(escapeText('`[x](https://evil.example)`')).toBe('\\`\\[x\\](https://evil.example)\\`');
    expect(escapeText('```[x](https://evil.example)```')).toBe('\\`\\`\\`\\[x\\](https://evil.example)\\`\\`\\`');
  });

  it.each([
    'v=STSv1; id=1; [Fix](https://evil.example)',
    'enforce [Fix](https://evil.example) [Fix](https://evil.example)',
    'mailto:a@example.com,[Fix](https://evil.example)',
    'Europe/[Fix](https://evil.example)',
    '[a](x)](https://evil.example)',
    '\\[Fix](https://evil.example)',
    '[[Fix](https://evil.example)](https://evil.example)',
  ])('leaves no unescaped bracket, so no masked link, in %j', (hostile) => {
    expect(unescapedBrackets(escapeText(hostile))).toBe('');
  });

  it('leaves no unescaped bracket in any input', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('[', ']', '(', ')', '\\', '`', 'a', ' ', '\n', 'https://e.x') }),
        (text) => {
          expect(unescapedBrackets(escapeText(text))).toBe('');
        },
      ),
    );
  });

  it('leaves no mention syntax in any input', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('@', '<', '#', '&', '!', 'everyone', 'here', '1', ' ', '\\', '*') }),
        (text) => {
          const escaped = escapeText(text);
          expect(escaped).not.toMatch(/@(everyone|here)/i);
          expect(escaped).not.toMatch(/<[@#]/);
        },
      ),
    );
  });
});

/** The square brackets Discord would parse as markup: those not taken by a backslash escape (`\\x`). */
function unescapedBrackets(markdown: string): string {
  return markdown.replace(/\\[\s\S]/g, '').replace(/[^[\]]/g, '');
}

describe('escapeCode', () => {
  it('keeps code verbatim, single backticks included, so it can be pasted', () => {
    expect(escapeCode('v=STSv1; id=`20240101`\n**mx**: <@1>')).toBe('v=STSv1; id=`20240101`\n**mx**: <@1>');
  });

  it('breaks every run of backticks so remote text cannot close the ``` block', () => {
    expect(escapeCode('a```b``c')).toBe(`a\`${ZWSP}\`${ZWSP}\`b\`${ZWSP}\`c`);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('`', 'a', '\n') }), (code) => {
        expect(escapeCode(code)).not.toContain('``');
      }),
    );
  });

  it('keeps a code span intact (a wildcard fix shows as inline code) and escapes the prose around it', () => {
    expect(escapeProse('Add `mx: *.mx.example.com` or *.example.com @everyone')).toBe(
      'Add `mx: *.mx.example.com` or \\*.example.com @\u200beveryone',
    );
  });

  it('keeps remote text inside its span: a backtick cannot close it, and no mention forms', () => {
    expect(escapeProse(`Add ${inlineCode('*.evil`@here')}`)).toBe('Add `*.evil\u02cb@\u200bhere`');
  });
});
