import type { Channel, LastDigest, WatchStore } from '../store/watch-store.js';
import { digestMessage, type DigestMessage } from './digest-message.js';
import { runDigest, type RunDigestOptions } from './run-digest.js';

export interface ChannelDigest {
  message: DigestMessage;
  /** Save with WatchStore.saveDigest once the message is posted, so a failed post leaves the changes for the next. */
  digest: LastDigest;
}

export interface ChannelDigestOptions extends RunDigestOptions {
  store: Pick<WatchStore, 'watches' | 'lastDigest'>;
}

/** Scans a channel's watched domains and compares them with its previous digest. */
export async function channelDigest(channel: Channel, options: ChannelDigestOptions): Promise<ChannelDigest> {
  const [domains, previous] = await Promise.all([options.store.watches(channel), options.store.lastDigest(channel)]);
  const outcomes = await runDigest(domains, options);
  const now = options.now();
  const before = new Map(previous?.snapshots.map((snapshot) => [snapshot.domain, snapshot]));
  // A domain that timed out keeps its last known snapshot, so its changes show once it answers again.
  const snapshots = outcomes.flatMap((outcome) => {
    if (outcome.status === 'scanned') return [outcome.snapshot];
    const kept = before.get(outcome.domain);
    return kept ? [kept] : [];
  });
  return { message: digestMessage(outcomes, { previous, now }), digest: { at: now.toISOString(), snapshots } };
}
