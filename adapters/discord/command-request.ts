import { PermissionFlagsBits, type RepliableInteraction } from 'discord.js';
import type { CommandRequest } from '../../src/command/command-handler.js';

/** Rate limits are per guild and user; DMs share one "dm" workspace per user. */
export function commandRequest(
  interaction: RepliableInteraction,
  text: string,
  fresh: boolean,
  managerRoleId?: string,
): CommandRequest {
  return {
    platform: 'discord',
    workspaceId: interaction.guildId ?? 'dm',
    channelId: interaction.channelId ?? 'dm',
    userId: interaction.user.id,
    text,
    fresh,
    mayManage: mayManageChannel(interaction, managerRoleId),
  };
}

/**
 * Who may change a channel's watches and digest schedule: members with Manage Channels there (Discord's own
 * permission for changing a channel, sent with every interaction), or with the configured role; anyone in a DM.
 */
function mayManageChannel(interaction: RepliableInteraction, managerRoleId: string | undefined): boolean {
  if (interaction.guildId === null) return true;
  if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels) ?? false) return true;
  if (managerRoleId === undefined) return false;
  const roles = interaction.member?.roles;
  return Array.isArray(roles) ? roles.includes(managerRoleId) : (roles?.cache.has(managerRoleId) ?? false);
}
