import { PermissionFlagsBits, Routes, type APIChannel, type Message, type RepliableInteraction } from 'discord.js';
import type { Logger } from 'pino';
import type { ReportMessage } from '../../src/command/chat-message.js';
import { errorDetails } from './error-details.js';
import { NO_MENTIONS } from './no-mentions.js';
import { fixesThreadName, renderFixes } from './render-fixes.js';

/** One day: long enough to act on the fixes, short enough not to clutter the channel's thread list. */
const AUTO_ARCHIVE_MINUTES = 1440;

/**
 * Posts the fixes in a thread started from the reply; where there can be none (DMs, missing permissions, or the
 * API refuses, e.g. in a thread or forum), as follow-ups under the reply instead.
 */
export async function postFixes(
  interaction: RepliableInteraction,
  reply: Message,
  report: ReportMessage,
  logger: Logger,
): Promise<void> {
  let threadId = await openThread(interaction, reply, report.domain, logger);
  for (const content of renderFixes(report.fixes)) {
    if (threadId !== null) {
      try {
        await interaction.client.rest.post(Routes.channelMessages(threadId), {
          body: { content, allowed_mentions: NO_MENTIONS },
        });
        continue;
      } catch (error) {
        logger.warn({ err: errorDetails(error) }, 'discord: could not post in the fixes thread; falling back to follow-ups');
        threadId = null;
      }
    }
    await interaction.followUp({ content, allowedMentions: NO_MENTIONS });
  }
}

async function openThread(
  interaction: RepliableInteraction,
  reply: Message,
  domain: string,
  logger: Logger,
): Promise<string | null> {
  if (interaction.guildId === null) return null;
  const needed = PermissionFlagsBits.CreatePublicThreads | PermissionFlagsBits.SendMessagesInThreads;
  if (!interaction.appPermissions?.has(needed)) return null;
  try {
    const thread = (await interaction.client.rest.post(Routes.threads(reply.channelId, reply.id), {
      body: { name: fixesThreadName(domain), auto_archive_duration: AUTO_ARCHIVE_MINUTES },
    })) as APIChannel;
    return thread.id;
  } catch (error) {
    logger.info({ err: errorDetails(error) }, 'discord: no thread for the fixes; posting them as follow-ups');
    return null;
  }
}
