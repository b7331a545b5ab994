import { describe, expect, it } from 'vitest';
import { escapeCodeBlock, escapeMrkdwn } from '../../../adapters/slack/escape-mrkdwn.js';

describe('escapeMrkdwn', () => {
  it('escapes &, < and > (ampersand first, so entities are not double-escaped)', () => {
    expect(escapeMrkdwn('a & b <!channel> <@U123> > q')).toBe('a &amp; b &lt;!channel&gt; &lt;@U123&gt; &gt; q');
  });

  it('turns a link with a disguised label into literal text', () => {
    expect(escapeMrkdwn('<http://evil|click>')).toBe('&lt;http://evil|click&gt;');
  });

  it('leaves every other character alone (Slack decodes only these three entities)', () => {
    expect(escapeMrkdwn(`it's "quoted" *bold* _x_ ~y~ é 😀`)).toBe(`it's "quoted" *bold* _x_ ~y~ é 😀`);
  });

  it('shows ESC, C1 controls, bidi overrides and line separators as visible escapes, keeping newlines and tabs', () => {
    expect(escapeMrkdwn('mailto:a@\u001b[31mred\u009b2J\u0085x\u202eevil\u2028\n\tz')).toBe(
      'mailto:a@\\u001b[31mred\\u009b2J\\u0085x\\u202eevil\\u2028\n\tz',
    );
  });
});

describe('escapeCodeBlock', () => {
  it('escapes like escapeMrkdwn and replaces backticks so remote text cannot close a ``` fence', () => {
    const escaped = escapeCodeBlock('v=STSv1;\n```\n<!here> & `x`');
    expect(escaped).toBe('v=STSv1;\nˋˋˋ\n&lt;!here&gt; &amp; ˋxˋ');
    expect(escaped).not.toContain('`');
  });
});
