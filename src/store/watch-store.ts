import type { Platform } from '../chat/platform.js';
import type { ScanRecord } from './scan-history.js';

/** Where a digest goes: one chat channel of one workspace on one platform. */
export interface Channel {
  platform: Platform;
  /** Slack team id, Discord guild id, "local" for the console. */
  workspaceId: string;
  channelId: string;
}

/** When a channel's digest falls due, read in an IANA timezone; `week` means Mondays. */
export type DigestSchedule =
  | { every: 'off' }
  | { every: 'day' | 'week'; hour: number; minute: number; timezone: string };

export interface WatchLimits {
  perChannel: number;
  /** Across every channel of one workspace of one platform. */
  perWorkspace: number;
}

export const DEFAULT_WATCH_LIMITS: WatchLimits = { perChannel: 200, perWorkspace: 1000 };

/** `added: false` when the channel already watched the domain (that costs no room under the limits). */
export type WatchOutcome = { ok: true; added: boolean } | { ok: false; limit: keyof WatchLimits; max: number };

/** What a digest remembers of one domain, so the next digest can tell what changed: its scan summary. */
export type DomainSnapshot = ScanRecord;

export interface LastDigest {
  /** ISO time the digest was built. */
  at: string;
  snapshots: DomainSnapshot[];
}

/** A channel that watches at least one domain, as the scheduler needs it. */
export interface DigestChannel {
  channel: Channel;
  /** null until the channel sets one: the default schedule applies. */
  schedule: DigestSchedule | null;
  /** ISO time the schedule took effect (set, or the first watch added): no earlier slot is due. */
  since: string;
  /** ISO time of the latest slot claimed for this channel, if any. */
  lastSlot: string | null;
}

/** A digest slot claimed and never recorded as posted. */
export interface UnfinishedSlot {
  channel: Channel;
  slot: string;
}

/**
 * Watched domains, digest schedules and the last digest per channel, behind a small async interface so that a
 * store shared between bot replicas (e.g. Postgres) can replace SQLite. All times are ISO 8601 strings.
 */
export interface WatchStore {
  /** Adds the domain to the channel's watches unless a limit is reached. */
  watch(channel: Channel, domain: string, limits: WatchLimits, at: string): Promise<WatchOutcome>;
  /** false when the channel did not watch the domain. */
  unwatch(channel: Channel, domain: string): Promise<boolean>;
  /** The channel's watched domains, sorted. */
  watches(channel: Channel): Promise<string[]>;
  setSchedule(channel: Channel, schedule: DigestSchedule, at: string): Promise<void>;
  /** The channel's schedule, or null when it never set one. */
  schedule(channel: Channel): Promise<DigestSchedule | null>;
  /** Every channel that watches at least one domain. */
  digestChannels(): Promise<DigestChannel[]>;
  /** Claims one digest slot for the channel; false when it was already claimed (by this or another process). */
  claimSlot(channel: Channel, slot: string, at: string): Promise<boolean>;
  /** Records that the slot's digest was posted, with the platform's message id when it gave one. */
  slotPosted(channel: Channel, slot: string, at: string, messageId: string | null): Promise<void>;
  /** Slots claimed before `claimedBefore` and never recorded as posted: their process died between claim and post. */
  unfinishedSlots(claimedBefore: string): Promise<UnfinishedSlot[]>;
  /** Takes over an unfinished slot claimed before `claimedBefore` (its claim is now `at`); false when it was posted or another process took it. */
  reclaimSlot(channel: Channel, slot: string, at: string, claimedBefore: string): Promise<boolean>;
  /** Replaces the channel's last digest (snapshots of domains no longer watched go with the old one). */
  saveDigest(channel: Channel, digest: LastDigest): Promise<void>;
  lastDigest(channel: Channel): Promise<LastDigest | null>;
}
