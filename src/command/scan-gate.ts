import type { NoticeMessage } from '../chat/chat-message.js';
import type { Metrics } from '../metrics/metrics.js';
import type { Report } from '../report/report.js';
import type { CommandHooks, CommandRequest } from './command-handler.js';
import { formatDuration } from './format-duration.js';
import type { RateLimiter } from './rate-limiter.js';
import { createResultCache } from './result-cache.js';
import { createScanQueue } from './scan-queue.js';

export interface CommandLimits {
  /** Fresh scans (and digests on demand) one user may start per window (keyed by platform + workspace + user). */
  scansPerWindow: number;
  windowMs: number;
  /** How long a domain's result answers repeats without a new scan. */
  cacheTtlMs: number;
  /** Scans running at once across all users and digests; beyond it requests queue. */
  maxConcurrentScans: number;
}

export const DEFAULT_LIMITS: CommandLimits = {
  scansPerWindow: 3,
  windowMs: 10 * 60_000,
  cacheTtlMs: 5 * 60_000,
  maxConcurrentScans: 4,
};

export interface GateLogger {
  error(details: object, message: string): void;
}

export type ScanAnswer = { ok: true; report: Report; notes: string[] } | { ok: false; refusal: NoticeMessage };

/** The one way to a report: a result cache and a concurrency queue in front of the scan, a quota per user. */
export interface ScanGate {
  /** A cached or running scan answers at no cost; a new scan costs the user one unit of quota. */
  forUser(request: CommandRequest, domain: string, hooks?: CommandHooks): Promise<ScanAnswer>;
  /** Spends one unit of the user's quota; the refusal to answer with when none is left. */
  charge(request: CommandRequest): Promise<NoticeMessage | null>;
  /** For digests: the cached result, the running scan, or a new one through the queue; no quota. */
  scan(domain: string): Promise<Report>;
}

export interface ScanGateOptions {
  scan: (domain: string) => Promise<Report>;
  now: () => number;
  limits: CommandLimits;
  limiter: RateLimiter;
  logger?: GateLogger;
  metrics?: Pick<Metrics, 'queueDepth' | 'rateLimitRefused'>;
}

export function createScanGate({ scan, now, limits, limiter, logger, metrics }: ScanGateOptions): ScanGate {
  const cache = createResultCache<Report>({ ttlMs: limits.cacheTtlMs, now });
  const queue = createScanQueue(limits.maxConcurrentScans, metrics?.queueDepth);

  async function charge(request: CommandRequest): Promise<NoticeMessage | null> {
    const decision = await limiter.take(`${request.platform}:${request.workspaceId}:${request.userId}`);
    if (decision.allowed) return null;
    metrics?.rateLimitRefused();
    return rateLimited(decision.retryAfterMs, limits);
  }

  async function freshScan(domain: string, hooks: CommandHooks | undefined): Promise<ScanAnswer> {
    let queuedAt: number | null = null;
    const onQueued = (position: number): void => {
      queuedAt = now();
      try {
        hooks?.onQueued?.(position);
      } catch (error) {
        logger?.error({ err: error, domain }, 'onQueued hook failed');
      }
    };
    const report = await cache.fill(domain, () => queue.run(() => scan(domain), onQueued));
    const notes =
      queuedAt === null ? [] : [`Waited ${formatDuration(now() - queuedAt)} in the queue for a free scan slot`];
    return { ok: true, report, notes };
  }

  return {
    async forUser(request, domain, hooks) {
      const stored = cache.stored(domain);
      if (stored && !request.fresh)
        return { ok: true, report: stored.value, notes: [`Cached ${formatDuration(stored.ageMs)} ago`] };
      // Joining a scan already running for this domain starts nothing new, so it costs no quota.
      const running = cache.pending(domain);
      if (running) return { ok: true, report: await running, notes: [] };
      const refusal = await charge(request);
      return refusal === null ? freshScan(domain, hooks) : { ok: false, refusal };
    },
    charge,
    async scan(domain) {
      return cache.stored(domain)?.value ?? cache.fill(domain, () => queue.run(() => scan(domain)));
    },
  };
}

function rateLimited(retryAfterMs: number, limits: CommandLimits): NoticeMessage {
  return {
    kind: 'notice',
    code: 'rate-limited',
    tone: 'warning',
    private: true,
    text: [
      `You have used your ${limits.scansPerWindow} fresh scans per ${formatDuration(limits.windowMs)}. ` +
        `Try again in ${formatDuration(retryAfterMs)}; domains checked in the last ${formatDuration(limits.cacheTtlMs)} still answer from cache.`,
    ],
  };
}
