import type { ChatMessage } from '../chat/chat-message.js';
import type { CommandRequest } from './command-handler.js';
import { channelOf, type WatchDeps } from './watch-deps.js';
import { noWatchesNotice } from './watches-message.js';

/**
 * `digest now`: the channel's digest on demand, costing one unit of the user's scan quota. It is saved as the
 * channel's last digest, so the next scheduled one lists only what changed after it: changes the channel has
 * already been shown are not repeated.
 */
export async function digestNowCommand(
  request: CommandRequest,
  { store, gate, digest }: WatchDeps,
): Promise<ChatMessage> {
  const channel = channelOf(request);
  if ((await store.watches(channel)).length === 0) return noWatchesNotice();
  const refusal = await gate.charge(request);
  if (refusal !== null) return refusal;
  const built = await digest(channel);
  await store.saveDigest(channel, built.digest);
  return built.message;
}
