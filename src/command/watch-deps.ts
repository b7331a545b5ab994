import type { ChannelDigest } from '../digest/channel-digest.js';
import type { Report } from '../report/report.js';
import type { ScanHistory } from '../store/scan-history.js';
import type { Channel, WatchLimits, WatchStore } from '../store/watch-store.js';
import type { CommandRequest } from './command-handler.js';
import type { ScanGate } from './scan-gate.js';

/** What the watch and digest commands keep: watches, schedules, digests, and the scan history `watches` reads. */
export type WatchCommandStore = WatchStore & Pick<ScanHistory, 'recentScans'>;

/** What every watch and digest command handler is given by the core. */
export interface WatchDeps {
  store: WatchCommandStore;
  gate: ScanGate;
  limits: WatchLimits;
  /** Milliseconds since the epoch. */
  now: () => number;
  /** The channel's digest, scanned through the gate (the same one the scheduler posts). */
  digest: (channel: Channel) => Promise<ChannelDigest>;
  /** The scan with the findings of the channel's TLS-RPT reports added. */
  channelReport: (channel: Channel, report: Report) => Promise<Report>;
}

/** Watches and digests belong to the channel the command was typed in. */
export function channelOf({ platform, workspaceId, channelId }: CommandRequest): Channel {
  return { platform, workspaceId, channelId };
}
