import type { Finding, PolicyMode, Verdict } from './report.js';

const BY_MODE: Record<PolicyMode, Verdict> = { enforce: 'enforced', testing: 'testing', none: 'none' };

/** Any error is broken; no MTA-STS at all is the neutral default; otherwise the mode of the valid policy. */
export function verdictOf(findings: Finding[], configured: boolean, mode: PolicyMode | null): Verdict {
  if (findings.some((f) => f.severity === 'error')) return 'broken';
  if (!configured || mode === null) return 'not-configured';
  return BY_MODE[mode];
}
