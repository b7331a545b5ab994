import type { Channel } from '../store/watch-store.js';
import type { ChatMessage } from './chat-message.js';
import type { Platform } from './platform.js';

/**
 * The outbound half of a chat platform, as the bot drives it: what every adapter's `start…Adapter` returns. The
 * inbound half is the core's (CommandHandler for commands, UploadHandler for report files shared into a channel).
 */
export interface ChatAdapter {
  readonly platform: Platform;
  /**
   * Posts a message nobody typed a command for (a scheduled digest) to one of the platform's channels, with its
   * further parts and thread. Resolves to the platform's id of the first message where it has one (Slack's ts,
   * Discord's message id); rejects when the platform refuses it, or once stopping.
   */
  post(channel: Channel, message: ChatMessage): Promise<string | undefined>;
  /** Stops taking commands, lets the replies in flight finish, then disconnects; safe to call more than once. */
  stop(): Promise<void>;
  /** Replies and posts still in flight, named in the log when the grace period ends before they do. */
  pending(): number;
}
