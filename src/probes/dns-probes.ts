import type { DnsAnswer, DnsResolver, MxAnswer } from '../net/dns-resolver.js';
import type { ProbeResult } from './probe-result.js';

/** A lookup that failed for a reason other than "the name or record does not exist". */
export type DnsProbeResult<T> = ProbeResult<T, 'dns'>;

/** TXT records at name; an absent name or record set is an empty list, not a failure. */
export async function probeTxt(resolver: DnsResolver, name: string): Promise<DnsProbeResult<string[]>> {
  return absentAsEmpty(await resolver.txt(name));
}

/** The MX lookup, which alone also tells whether the domain's own name exists (NXDOMAIN: it does not). */
export type MxProbeResult = ProbeResult<MxAnswer[], 'dns' | 'nxdomain'>;

/** MX hosts of domain, lowest preference first (ties by name, so output is stable). */
export async function probeMx(resolver: DnsResolver, domain: string): Promise<MxProbeResult> {
  const answer = await resolver.mx(domain);
  if (!answer.ok && answer.cause === 'nxdomain') return { ok: false, cause: 'nxdomain', detail: answer.detail };
  const result = absentAsEmpty(answer);
  if (!result.ok) return result;
  const sorted = [...result.value].sort((a, b) => a.priority - b.priority || a.exchange.localeCompare(b.exchange));
  return { ok: true, value: sorted };
}

function absentAsEmpty<T>(answer: DnsAnswer<T[]>): DnsProbeResult<T[]> {
  if (answer.ok) return answer;
  if (answer.cause === 'nxdomain' || answer.cause === 'nodata') return { ok: true, value: [] };
  return { ok: false, cause: 'dns', detail: `${answer.cause}${answer.detail ? `: ${answer.detail}` : ''}` };
}
