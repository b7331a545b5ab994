import type { Finding, Report } from '../report/report.js';
import { scanRecord } from '../store/scan-history.js';
import type { DomainSnapshot } from '../store/watch-store.js';

export type DomainOutcome =
  | { domain: string; status: 'scanned'; snapshot: DomainSnapshot; findings: Finding[] }
  /** No report within the digest's per-domain deadline. */
  | { domain: string; status: 'timed-out' }
  /** The scan threw: a defect or a store failure, not something the domain did. */
  | { domain: string; status: 'failed' };

export interface DigestLogger {
  error(details: object, message: string): void;
  info?(details: object, message: string): void;
}

export interface RunDigestOptions {
  /** The chat core's cached scan, so a domain checked minutes ago is not scanned again. */
  scan: (domain: string) => Promise<Report>;
  /** Scans at once. */
  concurrency: number;
  /** Per domain, in ms. */
  deadlineMs: number;
  now: () => Date;
  logger?: DigestLogger;
}

export const DIGEST_CONCURRENCY = 8;
/** Far above one scan's own DNS and HTTPS timeouts: only a stuck scan reaches it. */
export const DIGEST_DEADLINE_MS = 30_000;

/** Scans every domain with bounded concurrency; the outcomes are in the order of `domains`, none dropped. */
export async function runDigest(domains: readonly string[], options: RunDigestOptions): Promise<DomainOutcome[]> {
  const outcomes: DomainOutcome[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < domains.length) {
      const index = next++;
      outcomes[index] = await scanWithin(domains[index]!, options);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, options.concurrency), domains.length) }, worker));
  return outcomes;
}

/**
 * At the deadline the domain is reported as timed out and its worker moves on; the scan itself still ends on
 * its own DNS and HTTPS timeouts, so what it holds is released soon after.
 */
async function scanWithin(domain: string, { scan, deadlineMs, now, logger }: RunDigestOptions): Promise<DomainOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), deadlineMs)));
  try {
    const report = await Promise.race([Promise.resolve().then(() => scan(domain)), deadline]);
    if (report === null) return { domain, status: 'timed-out' };
    return { domain, status: 'scanned', snapshot: scanRecord(report, now()), findings: report.findings };
  } catch (error) {
    logger?.error({ err: error, domain }, 'digest scan failed');
    return { domain, status: 'failed' };
  } finally {
    clearTimeout(timer);
  }
}
