import type { NoticeMessage } from '../chat/chat-message.js';
import { command } from '../chat/chat-text.js';
import type { CommandRequest } from './command-handler.js';
import { channelOf, type WatchDeps } from './watch-deps.js';

/** `unwatch <domain>`: told to the channel, since it changes what the channel's digest covers. */
export async function unwatchCommand(
  request: CommandRequest,
  domain: string,
  { store }: WatchDeps,
): Promise<NoticeMessage> {
  const channel = channelOf(request);
  if (!(await store.unwatch(channel, domain))) {
    return {
      kind: 'notice',
      code: 'not-watching',
      tone: 'neutral',
      private: true,
      text: [`This channel does not watch ${domain}; `, command('watches'), ' lists what it does watch.'],
    };
  }
  const left = (await store.watches(channel)).length;
  const after = left === 0 ? ' It watches nothing now, so its digests stop until a domain is watched again.' : '';
  return {
    kind: 'notice',
    code: 'unwatched',
    tone: 'neutral',
    private: false,
    text: [`Stopped watching ${domain} in this channel.${after}`],
  };
}
