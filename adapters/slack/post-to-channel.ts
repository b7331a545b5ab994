import type { webApi } from '@slack/bolt';
import type { ChannelPacer } from './channel-pacer.js';
import { honouringShortRetryAfter } from './rate-limit.js';
import type { ChannelPosts } from './render-message.js';

/** Remote text must never turn into previews or @-mentions. */
const POST_OPTIONS = { unfurl_links: false, unfurl_media: false } as const;

export interface ChannelTarget {
  client: webApi.WebClient;
  channelId: string;
  pacer: ChannelPacer;
}

/** `ts` is the first message's; `posted` counts the messages and replies that went out before the failure. */
export type PostResult = { ok: true; ts?: string } | { ok: false; posted: number; error: unknown };

/** Posts the messages in order, then the thread under the first; stops at the first failure. */
export async function postToChannel(
  { client, channelId, pacer }: ChannelTarget,
  posts: ChannelPosts,
): Promise<PostResult> {
  let posted = 0;
  try {
    let rootTs: string | undefined;
    for (const payload of posts.messages) {
      await pacer.turn(channelId);
      const reply = await honouringShortRetryAfter(() =>
        client.chat.postMessage({ channel: channelId, ...payload, ...POST_OPTIONS }),
      );
      rootTs ??= reply.ts;
      posted += 1;
    }
    if (rootTs === undefined) return { ok: true };
    for (const payload of posts.thread) {
      await pacer.turn(channelId);
      await honouringShortRetryAfter(() =>
        client.chat.postMessage({ channel: channelId, thread_ts: rootTs, ...payload, ...POST_OPTIONS }),
      );
      posted += 1;
    }
    return { ok: true, ts: rootTs };
  } catch (error) {
    return { ok: false, posted, error };
  }
}
