import type { NoticeMessage } from '../chat/chat-message.js';
import { command } from '../chat/chat-text.js';
import { describeSchedule } from '../digest/digest-schedule.js';
import type { DigestSchedule } from '../store/watch-store.js';
import type { CommandRequest } from './command-handler.js';
import { describeNextDigest } from './describe-next-digest.js';
import { channelOf, type WatchDeps } from './watch-deps.js';

/** `digest daily|weekly|off|HH:MM [tz]`: the channel's schedule, told to the channel since it concerns everyone in it. */
export async function digestScheduleCommand(
  request: CommandRequest,
  schedule: DigestSchedule,
  { store, now }: WatchDeps,
): Promise<NoticeMessage> {
  const channel = channelOf(request);
  const at = new Date(now());
  await store.setSchedule(channel, schedule, at.toISOString());
  const watching = (await store.watches(channel)).length > 0;
  const text =
    schedule.every === 'off'
      ? ['Digests are off for this channel; ', command('digest now'), ' still posts one on demand.']
      : [
          `Digest for this channel: ${describeSchedule(schedule)} · ${describeNextDigest(schedule, at)}.`,
          ...(watching ? [] : [' It watches no domains yet: ', command('watch example.com'), ' adds one.']),
        ];
  return { kind: 'notice', code: 'digest-schedule', tone: 'neutral', private: false, text };
}
