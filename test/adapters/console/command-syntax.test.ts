import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../../adapters/console/render-message.js';
import { helpMessage } from '../../../src/command/help-message.js';

describe('console command syntax', () => {
  it('writes help with each command as the words typed at the prompt', () => {
    expect(renderMessage(helpMessage(), false)).toBe(
      [
        'MTA-STS (RFC 8461) and TLS-RPT (RFC 8460) checks for mail domains:',
        '• "example.com" — check a domain now: verdict, MX coverage, what is wrong and, in a thread, how to fix it',
        '• "watch example.com" — check it now and include it in this channel’s digests',
        '• "unwatch example.com" — stop watching it here',
        '• "watches" — what this channel watches, with each domain’s latest verdict',
        '• "digest daily|weekly|off|HH:MM [time zone]" — when this channel gets its digest (default daily at 09:00 UTC)',
        '• "digest now" — the digest right away: what changed since the last one comes first',
        '• "reports example.com" — what senders’ TLS-RPT reports in this channel say: sessions succeeded and failed, where and why',
        '• "reports endpoint" — the rua=https://… address that makes senders post their reports into this channel; report files (.json, .json.gz) uploaded here are read too',
      ].join('\n'),
    );
  });
});
