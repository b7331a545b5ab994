/**
 * A command the user can type, as the words after the bot's own command: "watch example.com", "help". The core
 * never writes a platform's syntax (Slack's `/mtasts …`, Discord's option form); each adapter renders its own.
 */
export interface CommandRef {
  command: string;
}

/** Text for a chat message: plain strings (escaped by the adapter like any text) and commands, in reading order. */
export type ChatText = ReadonlyArray<string | CommandRef>;

export function command(words: string): CommandRef {
  return { command: words };
}

/** Joins a ChatText, each plain part through `plain` (escaping) and each command through `command` (its syntax). */
export function renderChatText(
  text: ChatText,
  render: { plain(text: string): string; command(words: string): string },
): string {
  return text.map((part) => (typeof part === 'string' ? render.plain(part) : render.command(part.command))).join('');
}
