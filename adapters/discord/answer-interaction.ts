import { MessageFlags, type RepliableInteraction } from 'discord.js';
import type { Logger } from 'pino';
import type { ChatMessage, NoticeMessage } from '../../src/command/chat-message.js';
import type { CommandHandler, CommandRequest } from '../../src/command/command-handler.js';
import { deliverMessage } from './deliver-message.js';
import { errorDetails } from './error-details.js';
import { interactionTarget } from './interaction-target.js';
import { NO_MENTIONS } from './no-mentions.js';
import { renderChatMessage } from './render-embed.js';

export interface InteractionDeps {
  core: CommandHandler;
  logger: Logger;
  /** A role whose members may change channels' watches and digest schedules besides those with Manage Channels. */
  managerRoleId?: string;
}

const FAILED: NoticeMessage = {
  kind: 'notice',
  tone: 'warning',
  private: true,
  text: 'Something went wrong while checking that domain. Please try again in a minute.',
};

/**
 * Defers at once (the 3-second window), lets the core decide, then edits the deferred reply. The deferral is
 * public because its visibility cannot change later; a private answer (usage, refusal) therefore deletes the
 * deferred reply first and goes out as an ephemeral follow-up (while the deferred reply exists, a first follow-up
 * would replace it and inherit its public visibility). A digest's further parts follow as public follow-ups.
 */
export async function answerInteraction(
  interaction: RepliableInteraction,
  request: CommandRequest,
  deps: InteractionDeps,
): Promise<void> {
  const log = deps.logger.child({ interaction: interaction.id, user: request.userId, workspace: request.workspaceId });
  try {
    await interaction.deferReply();
  } catch (error) {
    log.warn({ err: errorDetails(error) }, 'discord: could not defer the reply');
    return;
  }

  let edits: Promise<unknown> = Promise.resolve();
  const onQueued = (position: number): void => {
    const content = `Waiting for a free scan slot (position ${position} in line)…`;
    edits = edits
      .then(() => interaction.editReply({ content, allowedMentions: NO_MENTIONS }))
      .catch((error: unknown) => log.warn({ err: errorDetails(error) }, 'discord: could not show the queue position'));
  };

  let message: ChatMessage;
  try {
    message = await deps.core.handle(request, { onQueued });
  } catch (error) {
    log.error({ err: errorDetails(error) }, 'discord: the command core failed');
    message = FAILED;
  }
  await edits;

  try {
    if (message.kind === 'notice' && message.private) await answerPrivately(interaction, message);
    else await deliverMessage(interactionTarget(interaction), message, log);
  } catch (error) {
    log.warn({ err: errorDetails(error) }, 'discord: could not deliver the answer');
  }
}

async function answerPrivately(interaction: RepliableInteraction, notice: NoticeMessage): Promise<void> {
  await interaction.deleteReply();
  await interaction.followUp({ ...renderChatMessage(notice), flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
}
