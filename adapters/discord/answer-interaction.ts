import { type APIChannel, MessageFlags, type RepliableInteraction, Routes } from 'discord.js';
import type { Logger } from 'pino';
import type { ChatMessage, NoticeMessage } from '../../src/chat/chat-message.js';
import type { CommandHandler, CommandRequest } from '../../src/command/command-handler.js';
import type { RateLimiter } from '../../src/command/rate-limiter.js';
import { channelTarget } from './channel-target.js';
import { deliverMessage } from './deliver.js';
import { errorDetails } from './error-details.js';
import { interactionTarget } from './interaction-target.js';
import { NO_MENTIONS } from './no-mentions.js';
import { renderChatMessage } from './render-report.js';

export interface InteractionDeps {
  core: CommandHandler;
  logger: Logger;
  /** A role whose members may change channels' watches and digest schedules besides those with Manage Channels. */
  managerRoleId?: string;
  /**
   * Budget for queue-position edits across all interactions: a burst of queued commands must not spend the REST
   * budget their final answers need, so an edit beyond it is skipped (the answer still says how long it waited).
   */
  queueNotes?: RateLimiter;
}

const FAILED: NoticeMessage = {
  kind: 'notice',
  code: 'failed',
  tone: 'warning',
  private: true,
  text: ['Something went wrong while checking that domain. Please try again in a minute.'],
};

/** Discord drops an interaction not acknowledged within 3 s; a deferral still pending after this is given up on. */
const DEFER_DEADLINE_MS = 2500;

/**
 * Defers at once (the 3-second window), lets the core decide, then edits the deferred reply. The deferral is
 * public because its visibility cannot change later; a private answer (usage, refusal) therefore deletes the
 * deferred reply first and goes out as an ephemeral follow-up (while the deferred reply exists, a first follow-up
 * would replace it and inherit its public visibility). A digest's further parts follow as public follow-ups.
 * When the interaction cannot carry the answer (the deferral failed or hung, the token expired, the webhook keeps
 * failing), the answer goes out anyway: a public one as a channel post, a private one as a direct message.
 */
export async function answerInteraction(
  interaction: RepliableInteraction,
  request: CommandRequest,
  deps: InteractionDeps,
): Promise<void> {
  const log = deps.logger.child({ interaction: interaction.id, user: request.userId, workspace: request.workspaceId });
  const deferred = await withDeadline(interaction.deferReply(), DEFER_DEADLINE_MS).then(
    () => true,
    (error: unknown) => {
      log.warn({ err: errorDetails(error) }, 'discord: could not defer the reply');
      return false;
    },
  );

  let edits: Promise<unknown> = Promise.resolve();
  const onQueued = (position: number): void => {
    if (!deferred) return;
    const content = `Waiting for a free scan slot (position ${position} in line)…`;
    edits = edits
      .then(async () => {
        if ((await deps.queueNotes?.take('queue-notes'))?.allowed === false) return;
        await interaction.editReply({ content, allowedMentions: NO_MENTIONS });
      })
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

  if (deferred && (await answerThroughInteraction(interaction, message, log))) return;
  try {
    if (message.kind === 'notice' && message.private) await sendDirectMessage(interaction, message);
    else await deliverMessage(channelTarget(interaction.client.rest, interaction.channelId ?? ''), message, log);
    log.info('discord: answered outside the interaction instead');
  } catch (error) {
    log.warn({ err: errorDetails(error) }, 'discord: could not deliver the answer outside the interaction either');
  }
}

/** True once the answer's first message went out through the interaction (what follows it is its own business). */
async function answerThroughInteraction(
  interaction: RepliableInteraction,
  message: ChatMessage,
  log: Logger,
): Promise<boolean> {
  let sent = false;
  try {
    if (message.kind === 'notice' && message.private) {
      // A failed delete leaves a "thinking…" placeholder, but must not cost the user the answer.
      await interaction
        .deleteReply()
        .catch((error: unknown) => log.warn({ err: errorDetails(error) }, 'discord: could not delete the placeholder'));
      await interaction.followUp({
        ...renderChatMessage(message),
        flags: MessageFlags.Ephemeral,
        allowedMentions: NO_MENTIONS,
      });
      return true;
    }
    const target = interactionTarget(interaction);
    const first = target.first;
    target.first = async (reply) => {
      const result = await first(reply);
      sent = true;
      return result;
    };
    await deliverMessage(target, message, log);
    return true;
  } catch (error) {
    log.warn({ err: errorDetails(error) }, 'discord: could not deliver the answer');
    return sent;
  }
}

async function sendDirectMessage(interaction: RepliableInteraction, notice: NoticeMessage): Promise<void> {
  const rest = interaction.client.rest;
  const dm = (await rest.post(Routes.userChannels(), { body: { recipient_id: interaction.user.id } })) as APIChannel;
  await channelTarget(rest, dm.id).first(renderChatMessage(notice));
}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from Discord within ${ms} ms`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
