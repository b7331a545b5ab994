import type { MxAnswer } from '../net/dns-resolver.js';
import type { StsPolicy } from '../parsers/sts-policy.js';
import type { DnsProbeResult } from '../probes/dns-probes.js';
import { makeFinding } from './make-finding.js';
import { mxRows, uncoveredMx, type CoverageRow, type UncoveredMx } from './mx-coverage.js';
import type { Finding } from './report.js';

export interface MxEvaluation {
  rows: CoverageRow[];
  /** Live MX hosts (a null MX, RFC 7505, counts as none). */
  hosts: string[];
  findings: Finding[];
}

/** The MX table, and whether the live MX set fits a policy that senders would apply (mode testing or enforce). */
export function evaluateMx(probe: DnsProbeResult<MxAnswer[]>, policy: StsPolicy | null, domain: string): MxEvaluation {
  const answers = probe.ok ? probe.value.filter((a) => a.exchange !== '') : [];
  const rows = mxRows(answers, policy?.mx ?? []);
  const hosts = rows.map((r) => r.host);
  if (!policy || policy.mode === 'none') return { rows, hosts, findings: [] };
  if (!probe.ok) {
    return { rows, hosts, findings: [makeFinding('no-mx', `The MX lookup for ${domain} failed (${probe.detail}); the MX table could not be checked.`, { domain })] };
  }
  if (rows.length === 0) {
    const why = probe.value.length > 0 ? 'publishes a null MX (RFC 7505)' : 'has no MX records';
    return { rows, hosts, findings: [makeFinding('no-mx', `${domain} ${why} while a ${policy.mode} policy is live.`, { domain })] };
  }
  return { rows, hosts, findings: groupByPattern(uncoveredMx(rows, policy.mx)).map((group) => uncoveredFinding(group, policy, domain)) };
}

interface UncoveredGroup extends UncoveredMx {
  hosts: string[];
}

function groupByPattern(uncovered: UncoveredMx[]): UncoveredGroup[] {
  const groups = new Map<string, UncoveredGroup>();
  for (const u of uncovered) {
    const group = groups.get(u.pattern);
    if (group) group.hosts.push(u.host);
    else groups.set(u.pattern, { ...u, hosts: [u.host] });
  }
  return [...groups.values()];
}

function uncoveredFinding(group: UncoveredGroup, policy: StsPolicy, domain: string): Finding {
  const patterns = policy.mx.length ? policy.mx.join(', ') : 'none';
  const verb = group.hosts.length === 1 ? 'is' : 'are';
  const detail = `${group.hosts.join(', ')} ${verb} not matched by any mx: pattern (the policy has ${patterns}).`;
  const context = { domain, host: group.host, pattern: group.pattern, ...(group.note ? { note: group.note } : {}) };
  return makeFinding(group.wildcard ? 'mx-wildcard-missing' : 'mx-mismatch', detail, context);
}
