import type { RepliableInteraction } from 'discord.js';
import type { CommandRequest } from '../../src/command/command-handler.js';

/** Rate limits are per guild and user; DMs share one "dm" workspace per user. */
export function commandRequest(interaction: RepliableInteraction, text: string, fresh: boolean): CommandRequest {
  return {
    platform: 'discord',
    workspaceId: interaction.guildId ?? 'dm',
    channelId: interaction.channelId ?? 'dm',
    userId: interaction.user.id,
    text,
    fresh,
  };
}
