import type { NoticeMessage } from './chat-message.js';

const USAGE = 'Usage: `/mtasts example.com` checks the MTA-STS and TLS-RPT setup of a mail domain; `/mtasts help` shows this.';

export function helpMessage(): NoticeMessage {
  return {
    kind: 'notice',
    tone: 'neutral',
    private: true,
    text:
      `${USAGE}\nThe answer shows the verdict (enforced, testing, none, not configured or broken), the MX hosts the ` +
      'policy covers, what is wrong and, in a thread, the records to publish to fix it.',
  };
}

/** A short, friendly refusal for input that is not a domain; the reason comes from the domain normaliser. */
export function usageMessage(reason: string): NoticeMessage {
  return { kind: 'notice', tone: 'warning', private: true, text: `That doesn't look like a domain: ${reason.replace(/\.$/, '')}.\n${USAGE}` };
}
