import { ErrorCode, type RespondFn, type webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { ChatMessage } from '../../src/chat/chat-message.js';
import type { ChannelPacer } from './channel-pacer.js';
import { type SlackPayload, withinLimits } from './limits.js';
import { postToChannel } from './post-to-channel.js';
import { type ChannelPosts, renderMessage } from './render-message.js';
import { context } from './render-report.js';

/** Where one answer goes: the channel via the Web API, or the command's response_url. */
export interface Delivery {
  client: webApi.WebClient;
  channelId: string;
  respond: RespondFn;
  pacer: ChannelPacer;
}

export const INVITE_HINT = 'Invite me with `/invite @mtasts` to get threaded fixes';
const CHANNEL_UNREACHABLE = new Set(['not_in_channel', 'channel_not_found']);
/** Slack accepts at most five responses to one response_url. */
const RESPONSE_URL_USES = 5;

/**
 * Posts the answer: private notices ephemeral via response_url; anything else in the channel (a long digest as
 * several messages) with fixes or details threaded under it; where the bot cannot post, via response_url with a
 * hint on how to invite it.
 */
export async function deliver(delivery: Delivery, message: ChatMessage, logger: Logger): Promise<void> {
  const posts = renderMessage(message, logger);
  if (message.kind === 'notice' && message.private) {
    await delivery.respond({ response_type: 'ephemeral', ...posts.messages[0]! });
    return;
  }
  const result = await postToChannel(delivery, posts);
  if (result.ok) return;
  if (result.posted > 0 || !CHANNEL_UNREACHABLE.has(slackErrorCode(result.error))) throw result.error;
  await respondWithoutChannel(posts, delivery, logger);
}

/** Messages then thread, as many as response_url takes; the hint on the first says how to get all of it. */
async function respondWithoutChannel({ messages, thread }: ChannelPosts, delivery: Delivery, logger: Logger) {
  const all = [...messages, ...thread];
  const [first, ...rest] = all.slice(0, RESPONSE_URL_USES);
  const left = all.length - 1 - rest.length;
  const hint = left === 0 ? INVITE_HINT : `${INVITE_HINT} (and the ${left} more messages of this answer)`;
  const hinted = withinLimits({ text: first!.text, blocks: [...first!.blocks, context(hint)] }, logger);
  const responseType = await respondInChannelOrPrivately(hinted, delivery.respond);
  for (const payload of rest) await delivery.respond({ response_type: responseType, ...payload });
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

export function slackErrorCode(error: unknown): string {
  const data = (error as { data?: { error?: unknown } } | null)?.data;
  return typeof data?.error === 'string' ? data.error : '';
}
