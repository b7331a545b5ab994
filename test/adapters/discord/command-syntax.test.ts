import { describe, expect, it } from 'vitest';
import { discordText } from '../../../adapters/discord/command-syntax.js';
import { helpMessage, usageMessage } from '../../../src/command/help-message.js';

describe('Discord command syntax', () => {
  it('writes help with each command as the slash command and its option, in inline code', () => {
    const help = discordText(helpMessage().text, 4096);
    expect(help).toBe(
      [
        'MTA-STS (RFC 8461) and TLS-RPT (RFC 8460) checks for mail domains:',
        '• `/mtasts domain:example.com` — check a domain now: verdict, MX coverage, what is wrong and, in a thread, how to fix it',
        '• `/mtasts domain:watch example.com` — check it now and include it in this channel’s digests',
        '• `/mtasts domain:unwatch example.com` — stop watching it here',
        '• `/mtasts domain:watches` — what this channel watches, with each domain’s latest verdict',
        '• `/mtasts domain:digest daily|weekly|off|HH:MM [time zone]` — when this channel gets its digest (default daily at 09:00 UTC)',
        '• `/mtasts domain:digest now` — the digest right away: what changed since the last one comes first',
        '• `/mtasts domain:reports example.com` — what senders’ TLS-RPT reports in this channel say: sessions succeeded and failed, where and why',
        '• `/mtasts domain:reports endpoint` — the rua=https://… address that makes senders post their reports into this channel; report files (.json, .json.gz) uploaded here are read too',
      ].join('\n'),
    );
    // Nothing Discord would show as a literal character: no escaped backtick, no backslash at all.
    expect(help).not.toContain('\\');
  });

  it('writes usage in its own form, with no Slack syntax and no escaped backticks', () => {
    const usage = discordText(usageMessage('domain', '"192.0.2.1" is an IP address, not a domain name.').text, 4096);
    expect(usage).toBe(
      'That doesn\'t look like a domain: "192.0.2.1" is an IP address, not a domain name.\n' +
        'Usage: `/mtasts domain:example.com` checks the MTA-STS and TLS-RPT setup of a mail domain; `/mtasts domain:help` lists every command.',
    );
    expect(usage).not.toMatch(/\\|`\/mtasts (?!domain:)/);
  });

  it('escapes the plain parts and keeps a command one inert code span', () => {
    expect(discordText(['*bold* @everyone ', { command: 'watch `a` @here' }], 4096)).toBe(
      '\\*bold\\* @\u200beveryone `/mtasts domain:watch ˋaˋ @\u200bhere`',
    );
  });
});
