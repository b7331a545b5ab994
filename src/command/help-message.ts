import type { NoticeMessage } from '../chat/chat-message.js';
import { type ChatText, command } from '../chat/chat-text.js';

const USAGE: ChatText = [
  'Usage: ',
  command('example.com'),
  ' checks the MTA-STS and TLS-RPT setup of a mail domain; ',
  command('help'),
  ' lists every command.',
];

const COMMANDS: Array<[string, string]> = [
  ['example.com', 'check a domain now: verdict, MX coverage, what is wrong and, in a thread, how to fix it'],
  ['watch example.com', 'check it now and include it in this channel’s digests'],
  ['unwatch example.com', 'stop watching it here'],
  ['watches', 'what this channel watches, with each domain’s latest verdict'],
  ['digest daily|weekly|off|HH:MM [time zone]', 'when this channel gets its digest (default daily at 09:00 UTC)'],
  ['digest now', 'the digest right away: what changed since the last one comes first'],
  [
    'reports example.com',
    'what senders’ TLS-RPT reports in this channel say: sessions succeeded and failed, where and why',
  ],
  [
    'reports endpoint',
    'the rua=https://… address that makes senders post their reports into this channel; report files (.json, .json.gz) uploaded here are read too',
  ],
];

export function helpMessage(): NoticeMessage {
  return {
    kind: 'notice',
    code: 'help',
    tone: 'neutral',
    private: true,
    text: [
      'MTA-STS (RFC 8461) and TLS-RPT (RFC 8460) checks for mail domains:',
      ...COMMANDS.flatMap(([words, what]) => ['\n• ', command(words), ` — ${what}`]),
    ],
  };
}

/** A short, friendly refusal of what the parser could not read; the reason names what was wrong. */
export function usageMessage(about: 'domain' | 'schedule' | 'command', reason: string): NoticeMessage {
  const text = {
    domain: [`That doesn't look like a domain: ${reason.replace(/\.$/, '')}.\n`, ...USAGE],
    // The schedule parser's reason already ends with how to write one.
    schedule: [`The digest schedule is unchanged: ${reason}`],
    command: [`${reason.replace(/\.$/, '')}.\n`, ...USAGE],
  }[about];
  return { kind: 'notice', code: 'usage', tone: 'warning', private: true, text };
}
