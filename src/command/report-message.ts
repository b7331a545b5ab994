import type { FixBlock, ReportMessage, Tone } from '../chat/chat-message.js';
import { gatePasses, gateSummary } from '../report/gate-summary.js';
import { pasteRecordLines } from '../report/paste-record.js';
import { policyModeNote } from '../report/policy-mode-note.js';
import { hasPolicyToMatch, policyUnusableBecause } from '../report/policy-usability.js';
import type { Report, Verdict } from '../report/report.js';
import { redactMailto } from '../text/redact-mailto.js';
import { formatDuration } from './format-duration.js';

/** The verdict's colour; every platform draws it from one palette (adapters/shared/palette.ts). */
export const VERDICT_TONES: Record<Verdict, Tone> = {
  enforced: 'good',
  testing: 'info',
  none: 'neutral',
  // Most domains have no MTA-STS at all: that is the default state of the world, not an alarm.
  'not-configured': 'neutral',
  broken: 'warning',
};

const LABELS: Record<Verdict, string> = {
  enforced: 'Enforced',
  testing: 'Testing (reports only, not enforced)',
  none: 'Mode none (policy withdrawn)',
  'not-configured': 'Not configured',
  broken: 'Broken',
};

export interface ReportMessageContext {
  /** Milliseconds since the epoch, for "expires in N days". */
  now: number;
  /** Extra summary lines, e.g. "cached 42 s ago". */
  notes?: string[];
}

/** A Report as the chat message model; every mailto: address the domain publishes loses its local part. */
export function reportMessage(report: Report, { now, notes = [] }: ReportMessageContext): ReportMessage {
  const healthy = report.verdict !== 'broken' && report.findings.every((f) => f.severity === 'info');
  const notFound = report.findings.some((f) => f.code === 'domain-not-found');
  return {
    kind: 'report',
    domain: report.domain,
    verdict: report.verdict,
    tone: VERDICT_TONES[report.verdict],
    headline: `${report.domain} — ${notFound ? 'Domain not found' : LABELS[report.verdict]}`,
    summary: [...summaryLines(report, now), ...notes],
    mxTable: report.mx.map((row) => ({
      host: row.host,
      priority: row.priority,
      matchedBy: row.matchedBy,
      gate: gateSummary(row),
      gateOk: gatePasses(row),
    })),
    policyToMatch: hasPolicyToMatch(report),
    findings: report.findings.map(({ code, severity, title, detail }) => ({
      code,
      severity,
      title: redactMailto(title),
      detail: redactMailto(detail),
    })),
    // Not configured is healthy but unfinished: its thread holds the ready-to-paste setup.
    fixes: healthy && report.verdict !== 'not-configured' ? [] : fixBlocks(report),
    rescan: true,
  };
}

function summaryLines(report: Report, now: number): string[] {
  const { txt, policy, cert, tlsrpt } = report;
  const lines: string[] = [];
  if (txt === null && policy === null) lines.push('No MTA-STS TXT record or policy published');
  else {
    const id = txt === null ? '(no TXT record)' : (txt.id ?? '(no valid id)');
    const body = policy === null ? 'not served' : `sha256 ${policy.sha256.slice(0, 12)}…`;
    // Side by side so a changed body under an unchanged id (senders keep the old policy) is visible at a glance.
    const unusable = policyUnusableBecause(report);
    lines.push(`Policy id ${id} · body ${body}${unusable ? ` · not usable by senders (${unusable})` : ''}`);
  }
  if (policy !== null) {
    const maxAge =
      policy.maxAge === null ? 'unreadable' : `${policy.maxAge} s (${formatDuration(policy.maxAge * 1000)})`;
    lines.push(`Mode ${policy.mode ?? 'unreadable'} · max_age ${maxAge}`);
  }
  if (cert !== null) lines.push(certificateLine(cert, now));
  if (tlsrpt === null) lines.push('TLS-RPT: none');
  else lines.push(`TLS-RPT: ${redactMailto(tlsrpt.rua.length > 0 ? tlsrpt.rua.join(', ') : tlsrpt.record)}`);
  return lines;
}

function certificateLine(cert: NonNullable<Report['cert']>, now: number): string {
  const notAfter = Date.parse(cert.notAfter);
  let expiry = `expires ${cert.notAfter}`;
  if (!Number.isNaN(notAfter)) {
    const date = new Date(notAfter).toISOString().slice(0, 10);
    expiry = notAfter > now ? `expires ${date} (in ${formatDuration(notAfter - now)})` : `expired ${date}`;
  }
  const problems = [cert.trusted ? null : 'untrusted', cert.sanMatch ? null : 'name mismatch'].filter(
    (p) => p !== null,
  );
  return `Certificate: ${[expiry, ...problems].join(', ')}`;
}

function fixBlocks(report: Report): FixBlock[] {
  const { domain, findings, suggestions } = report;
  const blocks: FixBlock[] = findings
    .filter((f) => f.fix.trim() !== '')
    // A fix is ours, meant to be pasted: never redacted (its mailbox is a visible placeholder).
    .map((f) => ({ title: redactMailto(f.title), text: f.fix }));
  const suggested: FixBlock[] = [
    {
      title: `TXT record at _mta-sts.${domain}`,
      text: "Publish this record (name and value in a DNS provider's form, or the zone-file line); change the id every time the policy changes.",
      code: pasteRecordLines(suggestions.txtName, suggestions.txt).join('\n'),
    },
    {
      title: `Policy at https://mta-sts.${domain}/.well-known/mta-sts.txt`,
      text: `${policyModeNote(report)} Serve this as text/plain over HTTPS with a certificate valid for mta-sts.${domain}.`.trimStart(),
      code: suggestions.policy,
    },
  ];
  if (suggestions.tlsrpt !== null) {
    suggested.push({
      title: `TLS-RPT record at _smtp._tls.${domain}`,
      text: `Publish this record to get daily reports of TLS failures (RFC 8460), with the mailbox that should receive them in place of tls-reports@${domain}.`,
      code: pasteRecordLines(suggestions.tlsrptName, suggestions.tlsrpt).join('\n'),
    });
  }
  // A name that does not exist has no records to publish: its one fix is to check the spelling.
  return findings.some((f) => f.code === 'domain-not-found') ? blocks : [...blocks, ...suggested];
}
