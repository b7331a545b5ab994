import type { MxRow } from './report.js';

/**
 * One MX host's gate in a few plain words, the same on every output: "STARTTLS, TLSv1.3, cert trusted, name ok,
 * 89 days left". Holds no remote text; adapters still escape it like any other line.
 */
export function gateSummary(row: MxRow): string {
  const { smtp } = row;
  if (smtp === null) return 'SMTP not probed';
  if (!smtp.reached) return `SMTP unreachable (${smtp.error?.split(':')[0] ?? 'unknown'})`;
  if (!smtp.starttls) return 'no STARTTLS';
  if (smtp.cert === null) return `STARTTLS, TLS failed (${smtp.error?.split(':')[0] ?? 'unknown'})`;
  const { cert } = smtp;
  const days = cert.daysLeft < 0 ? 'expired' : `${cert.daysLeft} days left`;
  return `STARTTLS, ${smtp.tlsVersion ?? 'TLS'}, cert ${cert.trusted ? 'trusted' : 'untrusted'}, name ${cert.nameMatch ? 'ok' : 'mismatch'}, ${days}`;
}

/** Whether the host passes the gate a sender enforcing MTA-STS applies (unknown when not probed or not reached). */
export function gatePasses(row: MxRow): boolean | null {
  const { smtp } = row;
  if (smtp === null || !smtp.reached) return null;
  const cert = smtp.cert;
  return smtp.starttls === true && cert !== null && cert.trusted && cert.nameMatch && cert.daysLeft >= 0;
}
