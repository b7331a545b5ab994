import type { ChatText } from '../../src/chat/chat-text.js';

/** Chat text for assertions: plain parts as they are, each command as `{words}` so a test sees where one is. */
export function plainText(text: ChatText): string {
  return text.map((part) => (typeof part === 'string' ? part : `{${part.command}}`)).join('');
}
