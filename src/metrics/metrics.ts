import type { Verdict } from '../report/report.js';

export type Platform = 'slack' | 'discord';

/**
 * What the bot counts about itself, as plain calls: the core and the scheduler report through this sink and never
 * see the metrics library (a Prometheus registry implements it in adapters/).
 */
export interface Metrics {
  /** A scan finished with this verdict, or threw ('failed'); durations in seconds. */
  scanned(verdict: Verdict | 'failed', seconds: number): void;
  /** Scans waiting for a free slot, after every change. */
  queueDepth(waiting: number): void;
  rateLimitRefused(): void;
  platformApiError(platform: Platform): void;
  /** The platform asked us to slow down and the client will retry the call. */
  platformApiRetry(platform: Platform): void;
  digest(outcome: 'posted' | 'failed'): void;
  storeOperation(operation: string, seconds: number): void;
}

export const NO_METRICS: Metrics = {
  scanned() {},
  queueDepth() {},
  rateLimitRefused() {},
  platformApiError() {},
  platformApiRetry() {},
  digest() {},
  storeOperation() {},
};
