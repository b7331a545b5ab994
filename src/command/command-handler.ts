import type { ChatMessage } from './chat-message.js';

/** A chat command as any adapter receives it, reduced to what the core needs. */
export interface CommandRequest {
  platform: 'slack' | 'discord' | 'console';
  /** Slack team id, Discord guild id (or "dm"), "local" for the console. */
  workspaceId: string;
  channelId: string;
  userId: string;
  /** What the user typed after `/mtasts`, e.g. "example.com", "help". */
  text: string;
  /** A "Rescan" action: skip the cached result and run a new scan (costs quota like any fresh scan). */
  fresh?: boolean;
}

export interface CommandHooks {
  /** Called when the scan has to wait for a free slot; position 1 = next in line. */
  onQueued?(position: number): void;
}

export interface CommandHandler {
  handle(request: CommandRequest, hooks?: CommandHooks): Promise<ChatMessage>;
}
