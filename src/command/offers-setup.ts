import type { ReportMessage } from '../chat/chat-message.js';

/** A domain with no MTA-STS yet: its next step is the setup its fixes hold, ready to paste (the TXT record, policy). */
export function offersSetup(message: ReportMessage): boolean {
  return message.verdict === 'not-configured' && message.fixes.some((fix) => fix.code !== undefined);
}
