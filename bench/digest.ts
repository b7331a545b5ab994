import { DIGEST_CONCURRENCY } from '../src/digest/run-digest.js';
import { startChild } from './child.js';
import type { DigestJob, DigestOutcome } from './digest-child.js';
import { configured } from './domains.js';
import { boundMs, parallelBound } from './round-trips.js';
import { GREETING_PAUSE_MS, startLatencyNet } from './scan-latency.js';
import { round } from './stats.js';
import { type Row, row } from './table.js';

export interface DigestSeries {
  domains: number;
  mxHosts: number;
}

interface DigestFigure extends DigestSeries, DigestOutcome {
  perScanBoundMs: number;
  /** domains ÷ concurrency × per-scan bound. */
  idealMs: number;
  wallRatio: number;
  cpuPerScanMs: number;
  mxOverTcp: boolean;
}

export interface DigestOptions {
  oneWayMs: number;
  /** The run held to the targets. */
  main: DigestSeries;
  /** Further runs, to show how the figures grow. */
  growth: DigestSeries[];
}

const SECTION = '4 digest';

const label = (s: DigestSeries) =>
  `${s.domains.toLocaleString('en')} domains × ${s.mxHosts} MX host${s.mxHosts > 1 ? 's' : ''}`;

/**
 * Each series is its own name space of enforced domains, n<i>.m<K>.digest.example, whose K MX hosts
 * (mx1…mxK.m<K>.digest.example) they all share, as domains hosted by one provider do; the fixture issues each MX
 * host's certificate once, in an untimed warm-up scan.
 */
export async function benchDigest(options: DigestOptions) {
  const { oneWayMs } = options;
  const net = await startLatencyNet(oneWayMs);
  try {
    const series = [options.main, ...options.growth];
    const figures: DigestFigure[] = [];
    for (const s of series) {
      const zone = `m${s.mxHosts}.digest.example`;
      const mx = Array.from({ length: s.mxHosts }, (_, i) => `mx${i + 1}.${zone}`);
      const domains = Array.from({ length: s.domains }, (_, i) => `n${i}.${zone}`);
      for (const domain of [`warm.${zone}`, ...domains]) await net.publish(domain, configured(domain, mx));
      const tcpBefore = net.dnsOverTcp();
      await runJob([`warm.${zone}`], net.options);
      // The warm-up scan shows whether this MX set's answer fits a UDP datagram.
      const mxOverTcp = net.dnsOverTcp() > tcpBefore;
      const outcome = await runJob(domains, net.options);
      process.stderr.write(`bench: digest ${label(s)}: ${round(outcome.wallMs / 1000, 1)} s\n`);
      const perScan = boundMs(
        parallelBound({ policyHost: true, mxHosts: s.mxHosts, smtp: true, mxOverTcp }),
        oneWayMs,
        GREETING_PAUSE_MS,
      );
      const ideal = (s.domains / DIGEST_CONCURRENCY) * perScan;
      figures.push({
        ...s,
        perScanBoundMs: perScan,
        idealMs: ideal,
        wallRatio: round(outcome.wallMs / ideal),
        cpuPerScanMs: round(outcome.cpuMs / s.domains),
        mxOverTcp,
        ...outcome,
      });
    }
    const [main, ...growth] = figures;
    const rows: Row[] = [];
    // Every domain should come back enforced and clean: a gate not walked (smtp-unreachable, a warning) would make
    // a digest cheap, and a domain past the digest's deadline is reported as timed out.
    const faults = (f: DigestFigure) => {
      const codes = Object.entries(f.findings).map(([code, n]) => `${n} × ${code}`);
      const timedOut =
        f.notScanned > 0 ? [`${f.notScanned} of ${f.domains} not scanned within the digest's deadline`] : [];
      const text = [...timedOut, ...codes].join(', ');
      return text ? `; ${text}` : '';
    };
    if (main) {
      const what = `${label(main)}, ${DIGEST_CONCURRENCY} at once, ${oneWayMs} ms each way`;
      rows.push(
        row(
          SECTION,
          `wall ÷ (domains ÷ concurrency × per-scan bound): ${what}`,
          `${main.wallRatio} × (${round(main.wallMs / 1000, 1)} s)`,
          '≤ 1.3 ×',
          main.wallRatio <= 1.3 && main.notScanned === 0,
          `per-scan bound ${main.perScanBoundMs} ms, ideal ${round(main.idealMs / 1000, 1)} s${faults(main)}`,
        ),
        row(
          SECTION,
          'CPU per scan (the digest process alone)',
          `${main.cpuPerScanMs} ms`,
          '≤ 2 ms',
          main.cpuPerScanMs <= 2,
          'user + system time of the scanning process ÷ domains',
        ),
        row(
          SECTION,
          'peak RSS of the digest process',
          `${Math.round(main.maxRssMiB)} MiB`,
          '≤ 200 MiB',
          main.maxRssMiB <= 200,
        ),
      );
    }
    for (const f of growth) {
      rows.push(
        row(
          SECTION,
          `growth: ${label(f)}`,
          `${f.wallRatio} × (${round(f.wallMs / 1000, 1)} s)`,
          '',
          null,
          `CPU ${f.cpuPerScanMs} ms per scan, peak RSS ${Math.round(f.maxRssMiB)} MiB; per-scan bound ${f.perScanBoundMs} ms${f.mxOverTcp ? ' (MX answer over TCP)' : ''}${faults(f)}`,
        ),
      );
    }
    return { oneWayMs, concurrency: DIGEST_CONCURRENCY, figures, rows };
  } finally {
    await net.close();
  }
}

/** A fresh process per digest, so each peak RSS is its own. */
async function runJob(domains: string[], options: DigestJob['options']): Promise<DigestOutcome> {
  const child = await startChild<{ ready: true }>('digest-child', []);
  try {
    const done = new Promise<DigestOutcome>((resolve) => child.process.once('message', resolve));
    const job: DigestJob = { domains, options, concurrency: DIGEST_CONCURRENCY };
    child.process.send(job);
    return await done;
  } finally {
    await child.stop();
  }
}
