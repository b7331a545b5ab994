import { readFileSync } from 'node:fs';
import { DIGEST_CONCURRENCY, DIGEST_DEADLINE_MS, runDigest } from '../src/digest/run-digest.js';
import { trustingAlso } from '../src/probes/tls-handshake.js';
import { type ScanOptions, scan } from '../src/scan/scan.js';

/**
 * One digest in its own process, so that its CPU time and peak memory are the scanner's alone: waits for a job
 * (domains and scan options) from the parent, runs it through runDigest as a channel's digest does, and sends back
 * the wall time, the CPU time and the peak RSS.
 */
export interface DigestJob {
  domains: string[];
  options: ScanOptions;
  concurrency: number;
}

export interface DigestOutcome {
  wallMs: number;
  cpuMs: number;
  maxRssMiB: number;
  verdicts: Record<string, number>;
  /** Finding codes over all reports, e.g. smtp-unreachable when the gate was not walked. */
  findings: Record<string, number>;
  notScanned: number;
}

/**
 * The peak RSS of this process's own memory: Linux's VmHWM. getrusage's maxRSS (process.resourceUsage) would not
 * do: it carries over the parent's peak through fork and exec, so it would report the bench's fixture instead.
 */
function peakRssMiB(): number {
  const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'latin1'))?.[1];
  if (hwm === undefined) throw new Error('no VmHWM in /proc/self/status: the digest bench needs Linux');
  return Number(hwm) / 1024;
}

process.once('message', async (job: DigestJob) => {
  // One trust store for the whole digest, as a deployment holds one (built before the clock starts).
  const options = { ...job.options, trust: job.options.ca ? trustingAlso(job.options.ca) : undefined };
  const cpu = process.cpuUsage();
  const start = performance.now();
  const outcomes = await runDigest(job.domains, {
    scan: (domain) => scan(domain, options),
    concurrency: job.concurrency ?? DIGEST_CONCURRENCY,
    deadlineMs: DIGEST_DEADLINE_MS,
    now: () => new Date(),
  });
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const verdicts: Record<string, number> = {};
  const findings: Record<string, number> = {};
  for (const outcome of outcomes) {
    if (outcome.status !== 'scanned') continue;
    verdicts[outcome.snapshot.verdict] = (verdicts[outcome.snapshot.verdict] ?? 0) + 1;
    for (const { code } of outcome.findings) findings[code] = (findings[code] ?? 0) + 1;
  }
  const result: DigestOutcome = {
    wallMs,
    cpuMs: (used.user + used.system) / 1000,
    maxRssMiB: peakRssMiB(),
    verdicts,
    findings,
    notScanned: outcomes.filter((o) => o.status !== 'scanned').length,
  };
  process.send?.(result);
});
process.send?.({ ready: true });
process.on('disconnect', () => process.exit(0));
