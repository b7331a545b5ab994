import { type ButtonInteraction, MessageFlags, Routes } from 'discord.js';
import type { ChatMessage, NoticeMessage, ReportMessage } from '../../src/chat/chat-message.js';
import { FAILED_NOTICE } from '../shared/failed-notice.js';
import type { InteractionDeps } from './answer-interaction.js';
import { commandRequest } from './command-request.js';
import { discordText } from './command-syntax.js';
import { errorDetails } from './error-details.js';
import { fitText } from './fit-text.js';
import { interactionTarget } from './interaction-target.js';
import { LIMITS } from './limits.js';
import { NO_MENTIONS } from './no-mentions.js';
import { postThread } from './post-thread.js';
import { fixesThreadName, renderFixes } from './render-fixes.js';
import { renderNotice, renderReport } from './render-report.js';

/**
 * The Rescan button updates the message it is on: a fresh scan (skipping the cache, costing the clicking user's
 * quota, as the core decides) replaces the report in place, marked with who rescanned, and its fixes join the
 * message's thread. A refusal or any other answer goes only to the user who clicked.
 */
export async function handleRescanButton(
  interaction: ButtonInteraction,
  domain: string,
  deps: InteractionDeps,
): Promise<void> {
  const log = deps.logger.child({ interaction: interaction.id, user: interaction.user.id });
  await interaction.deferUpdate();
  let message: ChatMessage;
  try {
    message = await deps.core.handle(commandRequest(interaction, domain, true, deps.managerRoleId));
  } catch (error) {
    log.error({ err: errorDetails(error) }, 'discord: the command core failed');
    await interaction.followUp({
      content: discordText(FAILED_NOTICE.text, LIMITS.content),
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_MENTIONS,
    });
    return;
  }
  if (message.kind !== 'report') {
    // A rescan answers with a report or a notice; anything else would be a fault.
    const notice: NoticeMessage = message.kind === 'notice' ? message : FAILED_NOTICE;
    await interaction.followUp({
      ...renderNotice(notice),
      ...(notice.private ? { flags: MessageFlags.Ephemeral } : {}),
      allowedMentions: NO_MENTIONS,
    });
    return;
  }
  await interaction.editReply({ content: '', ...rescanned(message, interaction), allowedMentions: NO_MENTIONS });
  if (message.fixes.length > 0) await postFixes(interaction, message, log);
}

/** The report with "Rescanned by <name>" in its footer (a footer shows no markdown and mentions no one). */
function rescanned(report: ReportMessage, interaction: ButtonInteraction) {
  const reply = renderReport(report);
  const [embed] = reply.embeds;
  if (embed !== undefined) {
    const by = `Rescanned by ${interaction.user.globalName ?? interaction.user.username}`;
    embed.footer = { text: fitText(embed.footer ? `${embed.footer.text} · ${by}` : by, LIMITS.footer) };
  }
  return reply;
}

/** Into the thread the message already has (a thread started from a message shares its id), else a new one. */
async function postFixes(interaction: ButtonInteraction, report: ReportMessage, log: InteractionDeps['logger']) {
  const messages = renderFixes(report);
  const rest = interaction.client.rest;
  try {
    for (const content of messages)
      await rest.post(Routes.channelMessages(interaction.message.id), {
        body: { content, allowed_mentions: NO_MENTIONS },
      });
  } catch {
    const from = { id: interaction.message.id, channelId: interaction.message.channelId };
    await postThread(interactionTarget(interaction), from, { name: fixesThreadName(report.domain), messages }, log);
  }
}
