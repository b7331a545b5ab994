import { type ScanOptions, scan } from '../src/scan/scan.js';
import { type DomainSpec, publishDomain, startFixtureInternet } from '../test/fixture/fixture-internet.js';
import { type LatencyRelay, startDnsRelay, startTcpRelay } from '../test/fixture/latency-relay.js';
import { broken, configured, notConfigured } from './domains.js';
import { boundMs, parallelBound, type ScanShape, sequentialBound } from './round-trips.js';
import { median, round } from './stats.js';
import { type Row, row } from './table.js';

/** The fixture MX host's pause before its greeting (smtp-server waits 100 ms to catch clients that talk first). */
export const GREETING_PAUSE_MS = 100;
/** Per lookup and per fetch: far above any bound here, so no case ends on a timeout. */
const TIMEOUT_MS = 5_000;

export interface LatencyNet {
  /** Scan options through the relays (or straight to the fixture when oneWayMs is 0). */
  options: ScanOptions;
  oneWayMs: number;
  /** DNS questions asked again over TCP after a truncated answer, so far. */
  dnsOverTcp(): number;
  publish(domain: string, spec: DomainSpec): Promise<void>;
  close(): Promise<void>;
}

/** The fixture internet behind latency relays: every DNS answer and every TCP chunk oneWayMs late each way. */
export async function startLatencyNet(oneWayMs: number): Promise<LatencyNet> {
  const internet = await startFixtureInternet();
  const relays: LatencyRelay[] = [];
  let dns: Awaited<ReturnType<typeof startDnsRelay>>;
  try {
    dns = await startDnsRelay(internet.dns.port, oneWayMs);
    relays.push(
      dns,
      await startTcpRelay(internet.https.port, oneWayMs),
      await startTcpRelay(internet.smtp.port, oneWayMs),
    );
  } catch (error) {
    await Promise.all([...relays.map((r) => r.close()), internet.close()]);
    throw error;
  }
  const [, https, smtp] = relays as [LatencyRelay, LatencyRelay, LatencyRelay];
  const base = { ...internet.scanOptions, timeoutMs: TIMEOUT_MS };
  return {
    options: oneWayMs === 0 ? base : { ...base, dns: [dns.server], httpsPort: https.port, smtpPort: smtp.port },
    oneWayMs,
    dnsOverTcp: () => dns.tcpConnections,
    publish: async (domain, spec) => {
      await publishDomain(internet, domain, spec);
    },
    close: async () => {
      await Promise.all(relays.map((r) => r.close()));
      await internet.close();
    },
  };
}

/**
 * The scan's time less what it costs locally: the bare-loopback scan minus the greeting pauses it also waited
 * (those are part of the bound, not local cost).
 */
function localFree(measured: number, loopback: number, pausesMs: number): number {
  return measured - Math.max(0, loopback - pausesMs);
}

interface Case {
  name: string;
  domain: string;
  spec: (domain: string) => DomainSpec;
  shape: ScanShape;
  verdict: string;
}

const CASES: Case[] = [
  {
    name: 'configured (enforced)',
    domain: 'configured.example',
    spec: configured,
    shape: { policyHost: true, mxHosts: 1, smtp: true },
    verdict: 'enforced',
  },
  {
    name: 'broken',
    domain: 'broken.example',
    spec: broken,
    shape: { policyHost: true, mxHosts: 1, smtp: true },
    verdict: 'broken',
  },
  {
    name: 'not configured',
    domain: 'plain.example',
    spec: notConfigured,
    shape: { policyHost: false, mxHosts: 1, smtp: true },
    verdict: 'not-configured',
  },
];

export interface ScanLatencyOptions {
  oneWayMs: number;
  /** Timed scans of each case, interleaved. */
  runs: number;
}

export async function benchScanLatency(options: ScanLatencyOptions) {
  const { oneWayMs, runs } = options;
  const slow = await startLatencyNet(oneWayMs);
  const fast = await startLatencyNet(0);
  try {
    for (const net of [slow, fast]) for (const c of CASES) await net.publish(c.domain, c.spec(c.domain));
    const variants = CASES.flatMap((c) => [
      { ...c, smtp: true },
      { ...c, smtp: false, shape: { ...c.shape, smtp: false } },
    ]);
    const samples = variants.map(() => ({ slow: [] as number[], loopback: [] as number[] }));
    // One untimed round issues the fixture's certificates for each name and warms the code.
    for (let run = -1; run < runs; run++) {
      for (const [i, v] of variants.entries()) {
        for (const net of [slow, fast]) {
          const start = performance.now();
          const report = await scan(v.domain, { ...net.options, smtp: v.smtp });
          const ms = performance.now() - start;
          if (report.verdict !== v.verdict)
            throw new Error(`${v.domain}: verdict ${report.verdict}, expected ${v.verdict}`);
          if (run >= 0) samples[i]![net === slow ? 'slow' : 'loopback'].push(round(ms, 1));
        }
      }
    }
    const rows: Row[] = [];
    const figures = variants.map((v, i) => {
      const bound = parallelBound(v.shape);
      const boundTime = boundMs(bound, oneWayMs, v.smtp ? GREETING_PAUSE_MS : 0);
      const sequential = sequentialBound(v.shape);
      const sequentialTime = boundMs(sequential, oneWayMs, v.smtp ? GREETING_PAUSE_MS : 0);
      const measured = median(samples[i]!.slow);
      const loopback = median(samples[i]!.loopback);
      const ratio = round(measured / boundTime);
      const name = `${v.name}, ${v.smtp ? 'with' : 'without'} the sender gate`;
      const pause = bound.pauses > 0 ? ` + ${GREETING_PAUSE_MS} ms greeting pause` : '';
      rows.push(
        row(
          `2 scan ÷ bound (${oneWayMs} ms each way)`,
          name,
          `${ratio} × (${Math.round(measured)} ms)`,
          '≤ 1.15 ×',
          ratio <= 1.15,
          `bound ${bound.rtt} RTT${pause} = ${boundTime} ms; sequential ${sequential.rtt} RTT${pause} = ${sequentialTime} ms ` +
            `(${round(sequentialTime / boundTime)} × the bound); the same scan on bare loopback ${Math.round(loopback)} ms, ` +
            `so with the local cost taken out ${round(localFree(measured, loopback, bound.pauses * GREETING_PAUSE_MS) / boundTime)} ×`,
        ),
      );
      return {
        case: name,
        medianMs: round(measured, 1),
        loopbackMedianMs: round(loopback, 1),
        boundRtt: bound.rtt,
        boundMs: boundTime,
        sequentialRtt: sequential.rtt,
        sequentialMs: sequentialTime,
        ratio,
        localFreeRatio: round(localFree(measured, loopback, bound.pauses * GREETING_PAUSE_MS) / boundTime),
        samples: samples[i],
      };
    });
    return { oneWayMs, runs, greetingPauseMs: GREETING_PAUSE_MS, figures, rows };
  } finally {
    await Promise.all([slow.close(), fast.close()]);
  }
}
