import { describe, expect, it } from 'vitest';
import { escapeCode, escapeProse, escapeText } from '../../../adapters/slack/escape.js';
import { inlineCode } from '../../../src/text/inline-code.js';

describe('escapeText', () => {
  it('escapes &, < and > (ampersand first, so entities are not double-escaped)', () => {
    expect(escapeText('a & b <!channel> <@U123> > q')).toBe('a &amp; b &lt;!channel&gt; &lt;@U123&gt; &gt; q');
  });

  it('turns a link with a disguised label into literal text', () => {
    expect(escapeText('<http://evil|click>')).toBe('&lt;http://evil|click&gt;');
  });

  it('leaves every other character alone (Slack decodes only these three entities)', () => {
    expect(escapeText(`it's "quoted" *bold* _x_ ~y~ é 😀`)).toBe(`it's "quoted" *bold* _x_ ~y~ é 😀`);
  });

  it('shows ESC, C1 controls, bidi overrides and line separators as visible escapes, keeping newlines and tabs', () => {
    expect(escapeText('mailto:a@\u001b[31mred\u009b2J\u0085x\u202eevil\u2028\n\tz')).toBe(
      'mailto:a@\\u001b[31mred\\u009b2J\\u0085x\\u202eevil\\u2028\n\tz',
    );
  });
});

describe('escapeCode', () => {
  it('escapes like escapeText and replaces backticks so remote text cannot close a ``` fence', () => {
    const escaped = escapeCode('v=STSv1;\n```\n<!here> & `x`');
    expect(escaped).toBe('v=STSv1;\nˋˋˋ\n&lt;!here&gt; &amp; ˋxˋ');
    expect(escaped).not.toContain('`');
  });

  it('keeps a wildcard fix as inline code and neutralises * _ ~ left in prose', () => {
    expect(escapeProse('Add `mx: *.mx.example.com` or *.example.com to _the_ ~policy~')).toBe(
      'Add `mx: *.mx.example.com` or \u2217.example.com to \u02cdthe\u02cd \u02dcpolicy\u02dc',
    );
  });

  it('keeps remote text inside its span: a backtick cannot close it, and <!channel> stays escaped', () => {
    expect(escapeProse(`Add ${inlineCode('mx: *.evil`<!channel>')} now`)).toBe(
      'Add `mx: *.evil\u02cb&lt;!channel&gt;` now',
    );
  });
});
