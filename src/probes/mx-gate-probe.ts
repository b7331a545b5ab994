import type { MxAnswer } from '../net/dns-resolver.js';
import type { DnsProbeResult } from './dns-probes.js';
import { probeSmtp, type SmtpProbeOptions, type SmtpProbeResult } from './smtp-probe.js';

/** MX hosts probed at once: enough for any real MX set to go in one round, few enough not to look like a scan. */
export const MX_PROBE_CONCURRENCY = 8;

/**
 * The SMTP probe of every live MX host, started as soon as the MX answer is in, at most MX_PROBE_CONCURRENCY at a time.
 * A failed MX lookup or a null MX leaves nothing to probe.
 */
export async function probeMxGates(
  mx: DnsProbeResult<MxAnswer[]>,
  options: Omit<SmtpProbeOptions, 'host'>,
): Promise<Map<string, SmtpProbeResult>> {
  const hosts = mx.ok ? [...new Set(mx.value.map((a) => a.exchange).filter((host) => host !== ''))] : [];
  const results = new Map<string, SmtpProbeResult>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < hosts.length) {
      const host = hosts[next++]!;
      results.set(host, await probeSmtp({ ...options, host }));
    }
  };
  await Promise.all(Array.from({ length: Math.min(MX_PROBE_CONCURRENCY, hosts.length) }, worker));
  return results;
}
