import type { FixBlock, ReportFact, ReportMessage, Tone } from '../chat/chat-message.js';
import { normalizeDomainInput } from '../domain/normalize-domain.js';
import { gatePasses, gateSummary } from '../report/gate-summary.js';
import { pasteRecordLines } from '../report/paste-record.js';
import { policyModeNote } from '../report/policy-mode-note.js';
import { hasPolicyToMatch, policyUnusableBecause } from '../report/policy-usability.js';
import type { Report, Verdict } from '../report/report.js';
import { formatDate } from '../text/format-date.js';
import { inlineCode } from '../text/inline-code.js';
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
  /** What the command did, shown first (e.g. "Now watching …"); a report with one offers no Watch button. */
  action?: string;
}

/** A Report as the chat message model; every mailto: address the domain publishes loses its local part. */
export function reportMessage(report: Report, { now, notes = [], action }: ReportMessageContext): ReportMessage {
  const healthy = report.verdict !== 'broken' && report.findings.every((f) => f.severity === 'info');
  const notFound = report.findings.some((f) => f.code === 'domain-not-found');
  return {
    kind: 'report',
    domain: report.domain,
    verdict: report.verdict,
    tone: VERDICT_TONES[report.verdict],
    ...(action === undefined ? {} : { action }),
    headline: `${report.domain} — ${notFound ? 'Domain not found' : LABELS[report.verdict]}`,
    facts: facts(report, now),
    summary: [...(report.txt === null && report.policy === null ? [NOTHING_PUBLISHED] : []), ...notes],
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
    watch: action === undefined,
    policyFile: isDomainName(report.domain) ? policyUrl(report.domain) : null,
  };
}

const NOTHING_PUBLISHED = 'No MTA-STS TXT record or policy published';

function policyUrl(domain: string): string {
  return `https://mta-sts.${domain}/.well-known/mta-sts.txt`;
}

/** Exactly a domain as the bot writes one: only then may it become a link. */
function isDomainName(domain: string): boolean {
  const normalized = normalizeDomainInput(domain);
  return normalized.ok && normalized.value === domain;
}

function facts(report: Report, now: number): ReportFact[] {
  const { txt, policy, cert, tlsrpt } = report;
  const facts: ReportFact[] = [];
  if (txt !== null || policy !== null) {
    const id = txt === null ? '(no TXT record)' : txt.id === null ? '(no valid id)' : inlineCode(txt.id);
    const unusable = policyUnusableBecause(report);
    const body = policy === null ? 'not served' : `sha256 ${inlineCode(`${policy.sha256.slice(0, 12)}…`)}`;
    // Side by side so a changed body under an unchanged id (senders keep the old policy) is visible at a glance.
    facts.push(
      { label: 'Policy id', value: id },
      { label: 'Body', value: unusable ? `${body} · not usable by senders (${unusable})` : body },
    );
  }
  if (policy !== null) {
    const maxAge =
      policy.maxAge === null ? 'unreadable' : `${policy.maxAge} s (${formatDuration(policy.maxAge * 1000)})`;
    facts.push(
      { label: 'Mode', value: policy.mode === null ? 'unreadable' : inlineCode(policy.mode) },
      { label: 'max_age', value: maxAge },
    );
  }
  if (cert !== null) facts.push({ label: 'Certificate', value: certificate(cert, now) });
  const rua = tlsrpt === null ? null : redactMailto(tlsrpt.rua.length > 0 ? tlsrpt.rua.join(', ') : tlsrpt.record);
  facts.push({ label: 'TLS-RPT', value: rua === null ? 'none' : inlineCode(rua) });
  return facts;
}

function certificate(cert: NonNullable<Report['cert']>, now: number): string {
  const notAfter = Date.parse(cert.notAfter);
  let expiry = `expires ${cert.notAfter}`;
  if (!Number.isNaN(notAfter)) {
    const date = formatDate(notAfter, now);
    expiry = notAfter > now ? `expires ${date} (in ${formatDuration(notAfter - now)})` : `expired ${date}`;
  }
  const problems = [cert.trusted ? null : 'untrusted', cert.sanMatch ? null : 'name mismatch'].filter(
    (p) => p !== null,
  );
  return [expiry, ...problems].join(', ');
}

function fixBlocks(report: Report): FixBlock[] {
  const { domain, findings, suggestions } = report;
  const blocks: FixBlock[] = findings
    .filter((f) => f.fix.trim() !== '')
    // A fix is ours, meant to be pasted: never redacted (its mailbox is a visible placeholder).
    .map((f) => ({ title: redactMailto(f.title), text: f.fix }));
  const suggested: FixBlock[] = [
    {
      title: `TXT record at ${inlineCode(`_mta-sts.${domain}`)}`,
      text: "Publish this record (name and value in a DNS provider's form, or the zone-file line); change the id every time the policy changes.",
      code: pasteRecordLines(suggestions.txtName, suggestions.txt).join('\n'),
    },
    {
      title: `Policy at ${inlineCode(policyUrl(domain))}`,
      text: `${policyModeNote(report)} Serve this as text/plain over HTTPS with a certificate valid for mta-sts.${domain}.`.trimStart(),
      code: suggestions.policy,
    },
  ];
  if (suggestions.tlsrpt !== null) {
    suggested.push({
      title: `TLS-RPT record at ${inlineCode(`_smtp._tls.${domain}`)}`,
      text: `Publish this record to get daily reports of TLS failures (RFC 8460), with the mailbox that should receive them in place of ${inlineCode(`tls-reports@${domain}`)}.`,
      code: pasteRecordLines(suggestions.tlsrptName, suggestions.tlsrpt).join('\n'),
    });
  }
  // A name that does not exist has no records to publish: its one fix is to check the spelling.
  return findings.some((f) => f.code === 'domain-not-found') ? blocks : [...blocks, ...suggested];
}
