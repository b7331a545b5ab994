import { type APIMessage, type REST, Routes } from 'discord.js';
import type { FollowingMessage, MessageTarget } from './message-target.js';
import { NO_MENTIONS } from './no-mentions.js';

/** Discord ids are snowflakes; anything else would be spliced into a REST path. */
const SNOWFLAKE = /^\d{1,20}$/;

/**
 * A channel posted to with no interaction: plain channel messages through the client's REST, whose per-route
 * queue keeps to Discord's rate limits (waiting out a 429 instead of dropping the message). A thread is always
 * tried; Discord refuses one in a DM or without permission, and the rest then goes to the channel.
 */
export function channelTarget(rest: REST, channelId: string): MessageTarget {
  if (!SNOWFLAKE.test(channelId))
    throw new Error(`not a Discord channel id: ${JSON.stringify(channelId.slice(0, 40))}`);
  const send = async (message: FollowingMessage): Promise<APIMessage> =>
    (await rest.post(Routes.channelMessages(channelId), {
      body: { ...message, allowed_mentions: NO_MENTIONS },
    })) as APIMessage;
  return {
    rest,
    threads: true,
    async first(reply) {
      const sent = await send(reply);
      return { id: sent.id, channelId: sent.channel_id };
    },
    async next(message) {
      await send(message);
    },
  };
}
