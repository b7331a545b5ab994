import { certNameMatches } from '../parsers/cert-name-match.js';
import { isUsableTlsa, matchingTlsa, tlsaText } from '../parsers/tlsa-match.js';
import type { MxGateFacts } from '../probes/mx-gate-probe.js';
import type { SmtpProbeResult, SmtpTls } from '../probes/smtp-probe.js';
import { formatDate } from '../text/format-date.js';
import { inlineCode as code } from '../text/inline-code.js';
import { certDaysLeft } from './cert-days-left.js';
import { chainTrusted } from './evaluate-cert.js';
import { makeFinding } from './make-finding.js';
import type { CoverageRow } from './mx-coverage.js';
import type { Finding, MxDane, MxRow, MxSmtp, PolicyMode, Severity } from './report.js';

const EXPIRING_SOON_DAYS = 14;

export interface GateEvaluation {
  rows: MxRow[];
  findings: Finding[];
}

/**
 * The sender's gate at each MX host (RFC 8461 §4.2): STARTTLS, then a certificate that is trusted, valid now and
 * valid for the MX name. How much each failure weighs depends on the policy senders apply; each finding names its
 * one host. `probes` is null when the SMTP probe was off.
 */
export function evaluateGate(
  rows: CoverageRow[],
  gates: ReadonlyMap<string, MxGateFacts>,
  mode: PolicyMode | null,
  domain: string,
  now: Date,
): GateEvaluation {
  const findings: Finding[] = [];
  const gated = rows.map((row): MxRow => {
    const facts = gates.get(row.host);
    if (!facts) return { ...row, smtp: null, dane: null };
    const judged = facts.smtp ? judgeHost(row.host, facts.smtp, mode, domain, now) : { smtp: null, findings: [] };
    const tls = facts.smtp?.ok ? facts.smtp.value.tls : null;
    const dane = judgeDane(row.host, facts.tlsa, tls, domain);
    findings.push(...judged.findings, ...dane.findings);
    return { ...row, smtp: judged.smtp, dane: dane.dane };
  });
  return { rows: gated, findings };
}

/** RFC 7672: validated TLSA records bind the host to a certificate or key; unvalidated ones are ignored by senders. */
function judgeDane(
  host: string,
  answer: MxGateFacts['tlsa'],
  tls: SmtpTls | null,
  domain: string,
): { dane: MxDane; findings: Finding[] } {
  const context = { domain, host };
  if (!answer.ok) {
    const absent = answer.cause === 'nxdomain' || answer.cause === 'nodata';
    return { dane: { status: absent ? 'none' : 'lookup-failed', tlsa: [] }, findings: [] };
  }
  const { records, authenticated } = answer.value;
  const tlsa = records.map(tlsaText);
  const name = `_25._tcp.${host}`;
  if (!authenticated) {
    const detail = `${code(name)} publishes ${records.length} TLSA record(s), but the answer was not DNSSEC-validated (no AD bit from the resolver), so DANE senders ignore them.`;
    return { dane: { status: 'unsigned', tlsa }, findings: [makeFinding('dane-unsigned', detail, context)] };
  }
  if (!records.some(isUsableTlsa)) return { dane: { status: 'unusable', tlsa }, findings: [] };
  if (tls === null) return { dane: { status: 'unchecked', tlsa }, findings: [] };
  const match = matchingTlsa(records, tls.chain);
  if (match) {
    const detail = `${code(name)} has DNSSEC-validated TLSA records, and ${code(`${tlsaText(match).slice(0, 24)}…`)} matches what ${code(host)} presents.`;
    return { dane: { status: 'match', tlsa }, findings: [makeFinding('dane-present', detail, context)] };
  }
  const detail = `${code(name)} has DNSSEC-validated TLSA records, and none of the ${records.length} matches the certificate chain ${code(host)} presents; DANE senders will not deliver to it.`;
  return { dane: { status: 'mismatch', tlsa }, findings: [makeFinding('dane-mismatch', detail, context)] };
}

function judgeHost(
  host: string,
  probe: SmtpProbeResult,
  mode: PolicyMode | null,
  domain: string,
  now: Date,
): { smtp: MxSmtp; findings: Finding[] } {
  const context = { domain, host };
  if (!probe.ok) {
    const detail = `${code(host)}: ${probe.detail}.`;
    return {
      smtp: {
        reached: false,
        error: `${probe.cause}: ${probe.detail}`,
        address: probe.address,
        starttls: null,
        tlsVersion: null,
        cipher: null,
        cert: null,
      },
      findings: [
        makeFinding('smtp-unreachable', `${detail} Outbound port 25 may be filtered where the scan ran.`, context),
      ],
    };
  }
  const { starttls, tls, address } = probe.value;
  const base = {
    reached: true,
    error: null,
    address,
    starttls,
    tlsVersion: tls?.version ?? null,
    cipher: tls?.cipher ?? null,
  };
  if (!starttls || !tls) {
    const severity: Severity = mode === 'enforce' || mode === 'testing' ? 'error' : 'warning';
    const detail = `${code(host)} (${address}) does not offer STARTTLS in its EHLO reply, so mail to it travels in plaintext${severity === 'error' ? ` and senders applying the ${code(`mode: ${mode}`)} policy will not deliver to it` : ''}.`;
    return { smtp: { ...base, cert: null }, findings: [makeFinding('starttls-missing', detail, context, severity)] };
  }
  const cert = judgeCert(tls, host, now);
  return { smtp: { ...base, cert }, findings: certFindings(tls, cert, host, mode, context, now) };
}

function judgeCert(tls: SmtpTls, host: string, now: Date): NonNullable<MxSmtp['cert']> {
  const { cert } = tls;
  return {
    subject: cert.subject,
    issuer: cert.issuer,
    san: cert.san,
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
    serial: cert.serial,
    trusted: chainTrusted(cert),
    nameMatch: cert.san.some((name) => certNameMatches(name, host)),
    daysLeft: certDaysLeft(cert.notAfter, now) ?? 0,
  };
}

function certFindings(
  tls: SmtpTls,
  cert: NonNullable<MxSmtp['cert']>,
  host: string,
  mode: PolicyMode | null,
  context: { domain: string; host: string },
  now: Date,
): Finding[] {
  // RFC 8461 §4.2: only senders applying an enforce policy refuse delivery over a certificate that fails.
  const severity: Severity = mode === 'enforce' ? 'error' : 'warning';
  const consequence =
    severity === 'error' ? ` Senders applying the ${code('mode: enforce')} policy will not deliver to it.` : '';
  const findings: Finding[] = [];
  if (!cert.trusted) {
    const why = tls.cert.trustError ? ` (${tls.cert.trustError})` : '';
    findings.push(
      makeFinding(
        'mx-cert-untrusted',
        `The certificate ${code(host)} presents on STARTTLS, issued by "${cert.issuer}", does not chain to a trusted root${why}.${consequence}`,
        context,
        severity,
      ),
    );
  }
  if (!cert.nameMatch) {
    const names = cert.san.length ? cert.san.map((name) => code(name)).join(', ') : 'no host';
    findings.push(
      makeFinding(
        'mx-cert-name-mismatch',
        `The certificate ${code(host)} presents on STARTTLS names ${names}; ${code(host)} is not among them.${consequence}`,
        context,
        severity,
      ),
    );
  }
  if (now.getTime() < Date.parse(cert.notBefore)) {
    findings.push(
      makeFinding(
        'mx-cert-expired',
        `The certificate ${code(host)} presents on STARTTLS is not valid before ${cert.notBefore}.${consequence}`,
        context,
        severity,
      ),
    );
  } else if (cert.daysLeft < 0 || now.getTime() > Date.parse(cert.notAfter)) {
    findings.push(
      makeFinding(
        'mx-cert-expired',
        `The certificate ${code(host)} presents on STARTTLS expired on ${formatDate(cert.notAfter, now)}.${consequence}`,
        context,
        severity,
      ),
    );
  } else if (cert.daysLeft < EXPIRING_SOON_DAYS) {
    findings.push(
      makeFinding(
        'mx-cert-expiring-soon',
        `The certificate ${code(host)} presents on STARTTLS expires on ${formatDate(cert.notAfter, now)} (in ${cert.daysLeft} days).`,
        context,
      ),
    );
  }
  return findings;
}
