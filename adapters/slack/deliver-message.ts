import { ErrorCode, type RespondFn, type webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { ChatMessage } from '../../src/command/chat-message.js';
import { checkBlockLimits, type SlackPayload } from './block-limits.js';
import { context, renderBlocks } from './render-blocks.js';
import { renderFixes } from './render-fixes.js';

/** Where one answer goes: the channel via the Web API, or the command's response_url. */
export interface Delivery {
  client: webApi.WebClient;
  channelId: string;
  respond: RespondFn;
  logger: Logger;
}

export const INVITE_HINT = 'Invite me with `/invite @mtasts` to get threaded fixes';
const CHANNEL_UNREACHABLE = new Set(['not_in_channel', 'channel_not_found']);
/** Remote text must never turn into previews or @-mentions. */
const POST_OPTIONS = { unfurl_links: false, unfurl_media: false } as const;

/**
 * Posts the answer: private notices ephemeral via response_url; anything else in the channel with the fixes
 * threaded under it; where the bot cannot post, via response_url with a hint on how to invite it.
 */
export async function deliverMessage(message: ChatMessage, delivery: Delivery): Promise<void> {
  const payload = withinLimits(renderBlocks(message), delivery.logger);
  if (message.kind === 'notice' && message.private) {
    await delivery.respond({ response_type: 'ephemeral', ...payload });
    return;
  }
  const fixes = message.kind === 'report' && message.fixes.length > 0 ? renderFixes(message) : null;
  let rootTs: string | undefined;
  try {
    const posted = await delivery.client.chat.postMessage({ channel: delivery.channelId, ...payload, ...POST_OPTIONS });
    rootTs = posted.ts;
  } catch (error) {
    if (!CHANNEL_UNREACHABLE.has(slackErrorCode(error))) throw error;
    await respondWithoutChannel(payload, fixes, delivery);
    return;
  }
  if (fixes !== null && rootTs !== undefined) {
    await delivery.client.chat.postMessage({
      channel: delivery.channelId,
      thread_ts: rootTs,
      ...withinLimits(fixes, delivery.logger),
      ...POST_OPTIONS,
    });
  }
}

async function respondWithoutChannel(payload: SlackPayload, fixes: SlackPayload | null, delivery: Delivery) {
  const hinted = withinLimits({ text: payload.text, blocks: [...payload.blocks, context(INVITE_HINT)] }, delivery.logger);
  const responseType = await respondInChannelOrPrivately(hinted, delivery.respond);
  if (fixes !== null) {
    await delivery.respond({ response_type: responseType, ...withinLimits(fixes, delivery.logger) });
  }
}

/** in_channel where Slack allows it for this conversation; otherwise the user alone sees it. */
async function respondInChannelOrPrivately(payload: SlackPayload, respond: RespondFn) {
  try {
    await respond({ response_type: 'in_channel', ...payload });
    return 'in_channel' as const;
  } catch (error) {
    if ((error as { code?: unknown }).code !== ErrorCode.RespondError) throw error;
    await respond({ response_type: 'ephemeral', ...payload });
    return 'ephemeral' as const;
  }
}

/** A message the API would reject is reduced to its notification text rather than lost. */
function withinLimits(payload: SlackPayload, logger: Logger): SlackPayload {
  const checked = checkBlockLimits(payload);
  if (checked.ok) return checked.value;
  logger.error({ reason: checked.reason }, 'rendered Slack message exceeds Block Kit limits; sending text only');
  return { text: payload.text, blocks: [] };
}

export function slackErrorCode(error: unknown): string {
  const data = (error as { data?: { error?: unknown } } | null)?.data;
  return typeof data?.error === 'string' ? data.error : '';
}
