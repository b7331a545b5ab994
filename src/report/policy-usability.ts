import type { FindingCode } from './finding-codes.js';
import type { Report } from './report.js';

const CERT_PROBLEMS: Partial<Record<FindingCode, string>> = {
  'cert-untrusted': 'untrusted certificate',
  'cert-expired': 'certificate outside its validity',
  'cert-san-mismatch': 'certificate names another host',
};

/** Why senders will not use the policy that was served (its certificate fails them), or null when nothing stops them. */
export function policyUnusableBecause(report: Report): string | null {
  if (report.policy === null) return null;
  const reasons = report.findings.flatMap((f) => CERT_PROBLEMS[f.code] ?? []);
  return reasons.length > 0 ? reasons.join(', ') : null;
}

/**
 * Whether there is a policy senders would use to match MX hosts against: served, readable, in enforce or testing, and
 * not refused for its certificate. Without one an MX host is neither covered nor uncovered, so no ✓/✗ is shown.
 */
export function hasPolicyToMatch(report: Report): boolean {
  const { policy } = report;
  if (policy === null || (policy.mode !== 'enforce' && policy.mode !== 'testing')) return false;
  return policyUnusableBecause(report) === null && !report.findings.some((f) => f.code === 'policy-invalid');
}
