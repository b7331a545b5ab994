import type { REST } from 'discord.js';
import type { DiscordReply } from './limits.js';

export interface SentMessage {
  id: string;
  channelId: string;
}

/** A message body beyond the first: a further digest part, or thread content where there is no thread. */
export type FollowingMessage = DiscordReply | { content: string };

/** Where one answer goes: an interaction's reply and its follow-ups, or a channel with no interaction. */
export interface MessageTarget {
  rest: REST;
  /** Sends the answer's first message, the one a thread starts from. */
  first(reply: DiscordReply): Promise<SentMessage>;
  /** Sends a further message after the first. */
  next(message: FollowingMessage): Promise<void>;
  /** false where no thread can be started (a DM, or no permission to), so none is tried. */
  threads: boolean;
}
