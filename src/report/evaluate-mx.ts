import type { StsPolicy } from '../parsers/sts-policy.js';
import type { MxProbeResult } from '../probes/dns-probes.js';
import { inlineCode as code } from '../text/inline-code.js';
import { makeFinding } from './make-finding.js';
import { type CoverageRow, mxRows, type UncoveredMx, uncoveredMx } from './mx-coverage.js';
import type { Finding } from './report.js';

export interface MxEvaluation {
  /** Live MX hosts (a null MX, RFC 7505, counts as none). */
  rows: CoverageRow[];
  findings: Finding[];
}

/** The MX table, and whether the live MX set fits a policy that senders would apply (mode testing or enforce). */
export function evaluateMx(result: MxProbeResult, policy: StsPolicy | null, domain: string): MxEvaluation {
  // A domain name that does not exist has no MX hosts; buildReport says the name itself is missing.
  const probe = !result.ok && result.cause === 'nxdomain' ? { ok: true as const, value: [] } : result;
  const answers = probe.ok ? probe.value.filter((a) => a.exchange !== '') : [];
  const rows = mxRows(answers, policy?.mx ?? []);
  if (!policy || policy.mode === 'none') return { rows, findings: [] };
  if (!probe.ok) {
    return {
      rows,
      findings: [
        makeFinding(
          'no-mx',
          `The MX lookup for ${code(domain)} failed (${probe.detail}); the MX table could not be checked.`,
          { domain },
        ),
      ],
    };
  }
  if (rows.length === 0) {
    const why = probe.value.length > 0 ? 'publishes a null MX (RFC 7505)' : 'has no MX records';
    return {
      rows,
      findings: [
        makeFinding('no-mx', `${code(domain)} ${why} while a ${code(`mode: ${policy.mode}`)} policy is live.`, {
          domain,
        }),
      ],
    };
  }
  return {
    rows,
    findings: groupByPattern(uncoveredMx(rows, policy.mx)).map((group) => uncoveredFinding(group, policy, domain)),
  };
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
  const patterns = policy.mx.length ? policy.mx.map((p) => code(p)).join(', ') : 'none';
  const verb = group.hosts.length === 1 ? 'is' : 'are';
  const detail = `${group.hosts.map((h) => code(h)).join(', ')} ${verb} not matched by any ${code('mx:')} pattern (the policy has ${patterns}).`;
  const context = { domain, host: group.host, pattern: group.pattern, ...(group.note ? { note: group.note } : {}) };
  return makeFinding(group.wildcard ? 'mx-wildcard-missing' : 'mx-mismatch', detail, context);
}
