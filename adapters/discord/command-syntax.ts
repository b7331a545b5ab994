import { type ChatText, renderChatText } from '../../src/chat/chat-text.js';
import { inlineCode } from '../../src/text/inline-code.js';
import { escapeProse, escapeText } from './escape.js';
import { fitText } from './fit-text.js';
import { DOMAIN_OPTION, MTASTS_COMMAND } from './mtasts-command.js';

/** Discord's form of a command: the slash command with the text in its one option, in inline code. */
export function discordCommand(words: string): string {
  return escapeProse(inlineCode(`/${MTASTS_COMMAND.name} ${DOMAIN_OPTION}:${words}`));
}

/** Chat text as Discord markdown within `max`: plain parts escaped (cut first: remote text may be long), commands in Discord's form. */
export function discordText(text: ChatText, max: number): string {
  return fitText(
    renderChatText(text, { plain: (part) => escapeText(fitText(part, max + 1)), command: discordCommand }),
    max,
  );
}
