import type { MxDane, MxRow } from './report.js';

/**
 * One MX host's gate in a few plain words, the same on every output and short enough for ten rows in a Discord
 * field: "STARTTLS TLSv1.3, cert ok, 89 days, DANE none". Holds no remote text; adapters still escape it like any other line.
 */
export function gateSummary(row: MxRow): string {
  return row.dane === null ? smtpSummary(row) : `${smtpSummary(row)}, DANE ${DANE_WORDS[row.dane.status]}`;
}

const DANE_WORDS: Record<MxDane['status'], string> = {
  none: 'none',
  match: 'validated match',
  mismatch: 'mismatch',
  unsigned: 'unsigned',
  unusable: 'no usable TLSA',
  unchecked: 'unchecked',
  'lookup-failed': 'lookup failed',
};

function smtpSummary(row: MxRow): string {
  const { smtp } = row;
  if (smtp === null) return 'SMTP not probed';
  if (!smtp.reached) return `SMTP unreachable (${causeOf(smtp.error)})`;
  if (!smtp.starttls) return 'no STARTTLS';
  if (smtp.cert === null) return `STARTTLS, TLS failed (${causeOf(smtp.error)})`;
  const { cert } = smtp;
  const problems = [
    cert.trusted ? null : 'untrusted',
    cert.nameMatch ? null : 'wrong name',
    cert.daysLeft < 0 ? 'expired' : null,
  ];
  const verdict = problems.filter((p) => p !== null).join(' + ') || 'ok';
  return `STARTTLS ${smtp.tlsVersion ?? 'TLS'}, cert ${verdict}, ${cert.daysLeft} days`;
}

function causeOf(error: string | null): string {
  return error?.split(':')[0] ?? 'unknown';
}

/** Whether the host passes the gate MTA-STS and DANE senders apply (unknown when not probed or not reached). */
export function gatePasses(row: MxRow): boolean | null {
  if (row.dane?.status === 'mismatch') return false;
  const { smtp } = row;
  if (smtp === null || !smtp.reached) return null;
  const cert = smtp.cert;
  return smtp.starttls === true && cert !== null && cert.trusted && cert.nameMatch && cert.daysLeft >= 0;
}

/**
 * The gate failures at one host as finding codes, whatever their severity under the policy. Not being reached is
 * left out: it says as much about the network the scan ran from as about the host.
 */
export function gateFailures(row: MxRow): string[] {
  const { smtp } = row;
  if (smtp === null || !smtp.reached) return [];
  if (!smtp.starttls) return ['starttls-missing'];
  const cert = smtp.cert;
  if (cert === null) return [];
  return [
    ...(cert.trusted ? [] : ['mx-cert-untrusted']),
    ...(cert.nameMatch ? [] : ['mx-cert-name-mismatch']),
    ...(cert.daysLeft < 0 ? ['mx-cert-expired'] : []),
  ];
}
