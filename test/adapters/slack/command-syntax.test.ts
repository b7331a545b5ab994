import { describe, expect, it } from 'vitest';
import { mrkdwnText } from '../../../adapters/slack/command-syntax.js';
import { helpMessage, usageMessage } from '../../../src/command/help-message.js';

describe('Slack command syntax', () => {
  it('writes help with each command as the slash command in inline code', () => {
    expect(mrkdwnText(helpMessage().text)).toBe(
      [
        'MTA-STS (RFC 8461) and TLS-RPT (RFC 8460) checks for mail domains:',
        '• `/mtasts example.com` — check a domain now: verdict, MX coverage, what is wrong and, in a thread, how to fix it',
        '• `/mtasts watch example.com` — check it now and include it in this channel’s digests',
        '• `/mtasts unwatch example.com` — stop watching it here',
        '• `/mtasts watches` — what this channel watches, with each domain’s latest verdict',
        '• `/mtasts digest daily|weekly|off|HH:MM [time zone]` — when this channel gets its digest (default daily at 09:00 UTC)',
        '• `/mtasts digest now` — the digest right away: what changed since the last one comes first',
        '• `/mtasts reports example.com` — what senders’ TLS-RPT reports in this channel say: sessions succeeded and failed, where and why',
        '• `/mtasts reports endpoint` — the rua=https://… address that makes senders post their reports into this channel; report files (.json, .json.gz) uploaded here are read too',
      ].join('\n'),
    );
  });

  it('escapes the plain parts and keeps a command one inert code span', () => {
    expect(mrkdwnText(['<!channel> & ', { command: 'watch `a` <b>' }])).toBe(
      '&lt;!channel&gt; &amp; `/mtasts watch ˋaˋ &lt;b&gt;`',
    );
    expect(mrkdwnText(usageMessage('command', '"watches" takes nothing after it').text)).toBe(
      '"watches" takes nothing after it.\nUsage: `/mtasts example.com` checks the MTA-STS and TLS-RPT setup of a mail domain; `/mtasts help` lists every command.',
    );
  });
});
