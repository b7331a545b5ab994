import { PermissionFlagsBits, type RepliableInteraction } from 'discord.js';
import type { MessageTarget } from './message-target.js';
import { NO_MENTIONS } from './no-mentions.js';

const THREAD_PERMISSIONS = PermissionFlagsBits.CreatePublicThreads | PermissionFlagsBits.SendMessagesInThreads;

/** An interaction's answer: the deferred reply edited into the first message, follow-ups for the rest. */
export function interactionTarget(interaction: RepliableInteraction): MessageTarget {
  return {
    rest: interaction.client.rest,
    threads: interaction.guildId !== null && (interaction.appPermissions?.has(THREAD_PERMISSIONS) ?? false),
    async first(reply) {
      // content '' clears a queue-position line shown earlier.
      const sent = await interaction.editReply({ content: '', ...reply, allowedMentions: NO_MENTIONS });
      return { id: sent.id, channelId: sent.channelId };
    },
    async next(message) {
      await interaction.followUp({ ...message, allowedMentions: NO_MENTIONS });
    },
  };
}
