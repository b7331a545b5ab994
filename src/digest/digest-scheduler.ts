import type { DigestMessage } from '../chat/digest-message.js';
import { type Metrics, NO_METRICS } from '../metrics/metrics.js';
import type { Channel, DigestChannel, WatchStore } from '../store/watch-store.js';
import type { ChannelDigest } from './channel-digest.js';
import { dueSlot } from './digest-due.js';
import { DEFAULT_SCHEDULE } from './digest-schedule.js';
import type { DigestLogger } from './run-digest.js';

/** Calls `tick` every `everyMs` until the returned function is called. */
export type RepeatTimer = (tick: () => void, everyMs: number) => () => void;

export interface DigestSchedulerOptions {
  store: WatchStore;
  /** Builds a channel's digest: channelDigest with the cached scan. */
  digest: (channel: Channel) => Promise<ChannelDigest>;
  /** Posts the digest (and its thread) to the channel; resolves with the platform's message id when it gives one. */
  // biome-ignore lint/suspicious/noConfusingVoidType: a platform that gives no message id resolves to nothing
  post: (channel: Channel, message: DigestMessage) => Promise<string | void>;
  now: () => Date;
  every?: RepeatTimer;
  /** How often due slots are looked for; a digest goes out at most this late. */
  tickMs?: number;
  /** A slot claimed this long ago and still not posted was left by a process that died: the next pass posts it. */
  slotLeaseMs?: number;
  logger?: DigestLogger;
  /** Digests posted and failed. */
  metrics?: Pick<Metrics, 'digest'>;
}

export interface DigestScheduler {
  /** Posts, once per channel, any digest that fell due while stopped, then looks for due slots every tickMs. */
  start(): Promise<void>;
  /** One pass over the channels: each whose slot is due and not yet claimed gets its digest. */
  tick(): Promise<void>;
  /** No more passes; resolves once the digest in progress, if any, is posted. */
  stop(): Promise<void>;
}

export const DIGEST_TICK_MS = 30_000;
/** Longer than a digest takes (its scans' deadline and the posting), so a slot still being posted is not taken over. */
export const DIGEST_SLOT_LEASE_MS = 5 * 60_000;
const GIVE_UP_MS = 24 * 60 * 60_000;

const intervalTimer: RepeatTimer = (tick, everyMs) => {
  const handle = setInterval(tick, everyMs);
  return () => clearInterval(handle);
};

export function createDigestScheduler(options: DigestSchedulerOptions): DigestScheduler {
  const {
    store,
    now,
    logger,
    every = intervalTimer,
    tickMs = DIGEST_TICK_MS,
    slotLeaseMs = DIGEST_SLOT_LEASE_MS,
    metrics = NO_METRICS,
  } = options;
  let pass: Promise<void> | null = null;
  let cancel: (() => void) | null = null;
  let stopped = false;

  // One channel at a time: a digest's scans already run concurrently, and channels must not multiply them.
  async function runPass(): Promise<void> {
    await resumeUnfinished();
    for (const state of await store.digestChannels()) {
      if (stopped) return;
      await digestIfDue(state).catch((error: unknown) =>
        logger?.error({ err: error, channel: state.channel }, 'digest failed'),
      );
    }
  }

  async function digestIfDue({ channel, schedule, since, lastSlot }: DigestChannel): Promise<void> {
    const at = now();
    const after = new Date(Math.max(Date.parse(since), lastSlot === null ? -Infinity : Date.parse(lastSlot)));
    const slot = dueSlot(schedule ?? DEFAULT_SCHEDULE, after, at);
    // The claim is the only guard against a second timer or replica posting the same slot.
    if (slot === null || !(await store.claimSlot(channel, slot.toISOString(), at.toISOString()))) return;
    await postSlot(channel, slot.toISOString());
  }

  // Slots whose process died between claim and post (kill -9, a crash): each is taken over once and posted.
  async function resumeUnfinished(): Promise<void> {
    const at = now();
    const claimedBefore = new Date(at.getTime() - slotLeaseMs).toISOString();
    for (const { channel, slot } of await store.unfinishedSlots(claimedBefore)) {
      if (stopped) return;
      // A slot whose post keeps failing (the bot left the channel) is given up after a day.
      if (Date.parse(slot) < at.getTime() - GIVE_UP_MS) continue;
      if (!(await store.reclaimSlot(channel, slot, at.toISOString(), claimedBefore))) continue;
      logger?.info?.({ channel, slot }, 'resuming a digest claimed but never posted');
      await postSlot(channel, slot).catch((error: unknown) => logger?.error({ err: error, channel }, 'digest failed'));
    }
  }

  async function postSlot(channel: Channel, slot: string): Promise<void> {
    const { message, digest } = await options.digest(channel);
    const messageId = await options.post(channel, message).catch((error: unknown) => {
      metrics.digest('failed');
      throw error;
    });
    // The one window for a duplicate: the platform has the post and this write has not landed yet.
    await store.slotPosted(channel, slot, now().toISOString(), messageId ?? null);
    metrics.digest('posted');
    await store.saveDigest(channel, digest);
  }

  const tick = (): Promise<void> =>
    (pass ??= runPass()
      .catch((error: unknown) => logger?.error({ err: error }, 'digest pass failed'))
      .finally(() => (pass = null)));

  return {
    async start() {
      stopped = false;
      cancel ??= every(() => void tick(), tickMs);
      await tick();
    },
    tick,
    async stop() {
      stopped = true;
      cancel?.();
      cancel = null;
      await pass;
    },
  };
}
