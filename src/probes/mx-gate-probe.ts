import type { DnsAnswer, DnsResolver, TlsaAnswer } from '../net/dns-resolver.js';
import type { MxProbeResult } from './dns-probes.js';
import { errorText } from './fetch-progress.js';
import { probeSmtp, type SmtpProbeOptions, type SmtpProbeResult } from './smtp-probe.js';

/** MX hosts probed at once: enough for any real MX set to go in one round, few enough not to look like a scan. */
export const MX_PROBE_CONCURRENCY = 8;

/** What a sender learns about one MX host: its TLSA records, and (unless the SMTP probe is off) its gate. */
export interface MxGateFacts {
  smtp: SmtpProbeResult | null;
  tlsa: DnsAnswer<TlsaAnswer>;
}

export interface MxGateOptions {
  resolver: DnsResolver;
  /** Null: the SMTP probe is off and port 25 is never touched; TLSA is still looked up. */
  smtp: Omit<SmtpProbeOptions, 'host' | 'resolver'> | null;
}

/**
 * Every live MX host, started as soon as the MX answer is in, at most MX_PROBE_CONCURRENCY at a time: the SMTP
 * probe and the TLSA lookup at _25._tcp.<host> side by side. A failed MX lookup or a null MX leaves nothing to probe.
 */
export async function probeMxGates(mx: MxProbeResult, options: MxGateOptions): Promise<Map<string, MxGateFacts>> {
  const hosts = mx.ok ? [...new Set(mx.value.map((a) => a.exchange).filter((host) => host !== ''))] : [];
  const results = new Map<string, MxGateFacts>();
  const { resolver, smtp } = options;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < hosts.length) {
      const host = hosts[next++]!;
      const [gate, tlsa] = await Promise.all([
        smtp ? probeSmtp({ ...smtp, resolver, host }) : null,
        lookupTlsa(resolver, host),
      ]);
      results.set(host, { smtp: gate, tlsa });
    }
  };
  await Promise.all(Array.from({ length: Math.min(MX_PROBE_CONCURRENCY, hosts.length) }, worker));
  return results;
}

/** RFC 7672 §2.2: the TLSA records of an SMTP server are at _25._tcp.<MX host>. A throwing resolver is a failure. */
async function lookupTlsa(resolver: DnsResolver, host: string): Promise<DnsAnswer<TlsaAnswer>> {
  try {
    return await resolver.tlsa(`_25._tcp.${host}`);
  } catch (error) {
    return { ok: false, cause: 'error', detail: errorText(error) };
  }
}
