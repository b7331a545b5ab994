import { type ChatText, renderChatText } from '../../src/chat/chat-text.js';

/** At the prompt a command is typed as its bare words (the console strips a leading /mtasts): quoted in prose. */
export function consoleText(text: ChatText): string {
  return renderChatText(text, { plain: (part) => part, command: (words) => `"${words}"` });
}
