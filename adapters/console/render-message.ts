import type { ChatMessage } from '../../src/chat/chat-message.js';
import { renderDigest } from './render-digest.js';
import { renderNotice, renderReport } from './render-report.js';

/** A message of any kind as terminal text: the console shows everything, fixes and details included, in one go. */
export function renderMessage(message: ChatMessage, colour: boolean): string {
  if (message.kind === 'notice') return renderNotice(message, colour).join('\n');
  if (message.kind === 'digest') return renderDigest(message, colour).join('\n');
  return renderReport(message, colour).join('\n');
}
