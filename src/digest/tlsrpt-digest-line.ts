import type { Finding } from '../report/report.js';
import { clip, type DomainSessions } from '../tlsrpt/domain-sessions.js';

const REPORT_FINDINGS = new Set<Finding['code']>(['premature-enforce-risk', 'tlsrpt-failures', 'ready-to-enforce']);
const REPORTERS_SHOWN = 4;

/**
 * A watched domain's TLS-RPT line in a digest: sessions reported since the previous digest, by whom, and what the
 * reports mean for the deployment; null when no report arrived.
 */
export function tlsRptDigestLine(sessions: DomainSessions, findings: readonly Finding[]): string | null {
  if (sessions.reports === 0) return null;
  const names = sessions.reporters.slice(0, REPORTERS_SHOWN).map((reporter) => clip(reporter.name));
  const more = sessions.reporters.length - names.length;
  const from = `from ${names.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
  const meaning = findings
    .filter((finding) => REPORT_FINDINGS.has(finding.code))
    .map((finding) => ` · ${finding.title}`);
  return `TLS-RPT since the last digest: ${number(sessions.successful)} successful · ${number(sessions.failed)} failed, ${from}${meaning.join('')}`;
}

function number(n: number): string {
  return n.toLocaleString('en-US');
}
