import { type ChatText, renderChatText } from '../../src/chat/chat-text.js';
import { escapeCode, escapeText } from './escape.js';

/** The slash command as the app manifest declares it. */
export const SLASH_COMMAND = '/mtasts';

/** Slack's form of a command: the slash command and its text, e.g. `/mtasts watch example.com`, in inline code. */
export function slackCommand(words: string): string {
  return `\`${escapeCode(`${SLASH_COMMAND} ${words}`)}\``;
}

/** Chat text as mrkdwn: plain parts escaped, commands in Slack's form. */
export function mrkdwnText(text: ChatText): string {
  return renderChatText(text, { plain: escapeText, command: slackCommand });
}
