import type { Finding } from '../report/report.js';
import { clip, type DomainSessions } from '../tlsrpt/domain-sessions.js';

const REPORT_FINDINGS = new Set<Finding['code']>(['premature-enforce-risk', 'tlsrpt-failures', 'ready-to-enforce']);
const REPORTERS_SHOWN = 4;

export interface TlsRptLine {
  text: string;
  /** Failed sessions, or a finding drawn from the reports: the domain is then shown in full, not folded. */
  attention: boolean;
}

/**
 * A watched domain's TLS-RPT line in a digest: sessions reported since the previous digest, by whom, and what the
 * reports mean for the deployment; null when no report arrived.
 */
export function tlsRptDigestLine(sessions: DomainSessions, findings: readonly Finding[]): TlsRptLine | null {
  if (sessions.reports === 0) return null;
  const names = sessions.reporters.slice(0, REPORTERS_SHOWN).map((reporter) => clip(reporter.name));
  const more = sessions.reporters.length - names.length;
  const from = `from ${names.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
  const meaning = findings
    .filter((finding) => REPORT_FINDINGS.has(finding.code))
    .map((finding) => ` · ${finding.title}`);
  return {
    text: `TLS-RPT since the last digest: ${number(sessions.successful)} successful · ${number(sessions.failed)} failed, ${from}${meaning.join('')}`,
    attention: sessions.failed > 0 || meaning.length > 0,
  };
}

function number(n: number): string {
  return n.toLocaleString('en-US');
}
