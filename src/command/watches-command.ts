import type { ChatMessage } from '../chat/chat-message.js';
import { DEFAULT_SCHEDULE } from '../digest/digest-schedule.js';
import type { CommandRequest } from './command-handler.js';
import { channelOf, type WatchDeps } from './watch-deps.js';
import { noWatchesNotice, watchesMessage } from './watches-message.js';

/** `watches`: the channel's list with each domain's latest recorded verdict; no scan, so no quota. */
export async function watchesCommand(request: CommandRequest, { store, now }: WatchDeps): Promise<ChatMessage> {
  const channel = channelOf(request);
  const domains = await store.watches(channel);
  if (domains.length === 0) return noWatchesNotice();
  const [schedule, watched] = await Promise.all([
    store.schedule(channel),
    Promise.all(domains.map(async (domain) => ({ domain, latest: (await store.recentScans(domain, 1))[0] ?? null }))),
  ]);
  return watchesMessage(watched, schedule ?? DEFAULT_SCHEDULE, new Date(now()));
}
