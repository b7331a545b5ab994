import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { Logger } from 'pino';
import type { ChatMessage } from '../../src/chat/chat-message.js';
import { type Answering, answerRequest } from './answer-request.js';
import { type Delivery, deliver } from './deliver.js';
import { withinLimits } from './limits.js';
import { honouringShortRetryAfter } from './rate-limit.js';
import { renderMessage } from './render-message.js';
import { context, RESCAN_ACTION_ID } from './render-report.js';
import { respondOrEphemeral } from './respond-or-ephemeral.js';

/** Slack user ids only: what the payload says about the presser is shown, so nothing else may pass. */
const USER_ID = /^[UW][A-Z0-9]{1,20}$/;

/**
 * The "Rescan" button: its value is the domain (checked strictly by the core); a fresh scan, spending quota like the
 * command does. A new report replaces the message the button was on, marked "Rescanned by" the presser, and its
 * fixes go into that message's thread; anything else (a refusal) is answered as usual.
 */
export function registerRescanAction(app: App, { core, inFlight, logger, pacer, metrics }: Answering): void {
  app.action<BlockAction<ButtonAction>>(RESCAN_ACTION_ID, async ({ ack, body, action, client, respond }) => {
    await ack();
    const channelId = body.channel?.id;
    if (channelId === undefined) return; // the button only lives on channel messages
    const request = {
      platform: 'slack' as const,
      workspaceId: body.team?.id ?? body.user.team_id ?? '',
      channelId,
      userId: body.user.id,
      text: action.value ?? '',
      fresh: true,
    };
    const answerTo = respondOrEphemeral(respond, client, channelId, body.user.id);
    const originalTs = body.message?.ts;
    const send: typeof deliver =
      respond === undefined || originalTs === undefined
        ? deliver
        : (delivery, message, log) => replaceOriginal(delivery, message, log, originalTs, body.user.id);
    await inFlight.track(
      answerRequest(core, request, { client, channelId, respond: answerTo, logger, pacer, metrics }, send),
    );
  });
}

async function replaceOriginal(
  delivery: Delivery,
  message: ChatMessage,
  logger: Logger,
  ts: string,
  userId: string,
): Promise<void> {
  if (message.kind !== 'report') return deliver(delivery, message, logger);
  const { messages, thread } = renderMessage(message, logger);
  const [first] = messages;
  const by = USER_ID.test(userId) ? `Rescanned by <@${userId}>` : 'Rescanned';
  const marked = withinLimits({ text: first!.text, blocks: [...first!.blocks, context(by)] }, logger);
  await delivery.respond({ replace_original: true, ...marked });
  for (const payload of thread) {
    await delivery.pacer.turn(delivery.channelId);
    await honouringShortRetryAfter(() =>
      delivery.client.chat.postMessage({
        channel: delivery.channelId,
        thread_ts: ts,
        ...payload,
        unfurl_links: false,
        unfurl_media: false,
      }),
    ).catch((err: unknown) => logger.warn({ err }, 'could not thread the fixes of a rescan'));
  }
}
