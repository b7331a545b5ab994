import type { ChatMessage } from '../chat/chat-message.js';
import type { Platform } from '../chat/platform.js';

/** A chat command as any adapter receives it, reduced to what the core needs. */
export interface CommandRequest {
  platform: Platform;
  /** Slack team id, Discord guild id (or "dm"), "local" for the console. */
  workspaceId: string;
  channelId: string;
  userId: string;
  /** What the user typed after `/mtasts`, e.g. "example.com", "help". */
  text: string;
  /**
   * A "Rescan" action: skip the cached result and run a new scan (costs quota like any fresh scan). Its text must
   * be exactly a domain as the bot writes one: a button's payload can be forged, and it never runs another command.
   */
  fresh?: boolean;
  /**
   * False when the platform's permissions (as the adapter is configured to read them) do not let this user change
   * what the channel watches or when its digest runs; unset means anyone may.
   */
  mayManage?: boolean;
}

export interface CommandHooks {
  /** Called when the scan has to wait for a free slot; position 1 = next in line. */
  onQueued?(position: number): void;
}

export interface CommandHandler {
  handle(request: CommandRequest, hooks?: CommandHooks): Promise<ChatMessage>;
}
