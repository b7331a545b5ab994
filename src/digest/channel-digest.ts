import type { DigestMessage } from '../chat/digest-message.js';
import type { Channel, LastDigest, WatchStore } from '../store/watch-store.js';
import type { DomainSessions } from '../tlsrpt/domain-sessions.js';
import { digestMessage } from './digest-message.js';
import { type DomainOutcome, type RunDigestOptions, runDigest } from './run-digest.js';
import { type TlsRptLine, tlsRptDigestLine } from './tlsrpt-digest-line.js';

export interface ChannelDigest {
  message: DigestMessage;
  /** Save with WatchStore.saveDigest once the message is posted, so a failed post leaves the changes for the next. */
  digest: LastDigest;
}

export interface ChannelDigestOptions extends RunDigestOptions {
  store: Pick<WatchStore, 'watches' | 'lastDigest'>;
  /** The domain's sessions in the channel's TLS-RPT reports received after `since`; unset where none are kept. */
  tlsRptSessions?: (domain: string, since: Date) => Promise<DomainSessions>;
}

const DAY_MS = 86_400_000;

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
  const tlsrpt = await tlsRptLines(
    outcomes,
    options,
    previous === null ? new Date(now.getTime() - DAY_MS) : new Date(previous.at),
  );
  return { message: digestMessage(outcomes, { previous, now, tlsrpt }), digest: { at: now.toISOString(), snapshots } };
}

/** The TLS-RPT line of each scanned domain that received reports since the previous digest (the first: a day). */
async function tlsRptLines(
  outcomes: DomainOutcome[],
  { tlsRptSessions }: ChannelDigestOptions,
  since: Date,
): Promise<Map<string, TlsRptLine>> {
  const lines = new Map<string, TlsRptLine>();
  if (tlsRptSessions === undefined) return lines;
  for (const outcome of outcomes) {
    if (outcome.status !== 'scanned') continue;
    const line = tlsRptDigestLine(await tlsRptSessions(outcome.domain, since), outcome.findings);
    if (line !== null) lines.set(outcome.domain, line);
  }
  return lines;
}
