import { certNameMatches } from '../parsers/cert-name-match.js';
import type { CertInfo } from '../probes/cert-info.js';
import { formatDate } from '../text/format-date.js';
import { inlineCode as code } from '../text/inline-code.js';
import { certDaysLeft } from './cert-days-left.js';
import { makeFinding } from './make-finding.js';
import type { CertReport, Finding } from './report.js';

const DAY_MS = 86_400_000;
const EXPIRING_SOON_DAYS = 14;
/** Validity is judged against the scan's clock below, so these verification errors do not make a chain untrusted. */
const TIME_ERRORS = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);
const UNUSABLE = ' Senders will not use the policy served with it.';

export interface CertEvaluation {
  cert: CertReport;
  findings: Finding[];
}

/** The chain verified, or failed only on validity dates, which are judged against the scan's own clock. */
export function chainTrusted(info: CertInfo): boolean {
  return info.trusted || TIME_ERRORS.has(info.trustError ?? '');
}

export function evaluateCert(info: CertInfo, host: string, domain: string, now: Date): CertEvaluation {
  const trusted = chainTrusted(info);
  const sanMatch = info.san.some((name) => certNameMatches(name, host));
  const cert: CertReport = {
    subject: info.subject,
    issuer: info.issuer,
    san: info.san,
    notBefore: info.notBefore,
    notAfter: info.notAfter,
    trusted,
    sanMatch,
    serial: info.serial,
  };
  const findings: Finding[] = [];
  if (!trusted) {
    const why = info.trustError ? ` (${info.trustError})` : '';
    findings.push(
      makeFinding(
        'cert-untrusted',
        `The certificate of ${code(host)}, issued by "${info.issuer}", does not chain to a trusted root${why}.${UNUSABLE}`,
        { domain },
      ),
    );
  }
  if (!sanMatch) {
    const names = info.san.length ? info.san.map((name) => code(name)).join(', ') : 'no host';
    findings.push(
      makeFinding(
        'cert-san-mismatch',
        `The certificate of ${code(host)} names ${names}; ${code(host)} is not among them.${UNUSABLE}`,
        { domain },
      ),
    );
  }
  findings.push(...validity(info, host, domain, now));
  return { cert, findings };
}

function validity(info: CertInfo, host: string, domain: string, now: Date): Finding[] {
  const notBefore = Date.parse(info.notBefore);
  const notAfter = Date.parse(info.notAfter);
  if (now.getTime() < notBefore) {
    return [
      makeFinding(
        'cert-expired',
        `The certificate of ${code(host)} is not valid before ${info.notBefore}.${UNUSABLE}`,
        {
          domain,
        },
      ),
    ];
  }
  if (now.getTime() > notAfter) {
    const days = Math.floor((now.getTime() - notAfter) / DAY_MS);
    return [
      makeFinding(
        'cert-expired',
        `The certificate of ${code(host)} expired on ${formatDate(info.notAfter, now)} (${days} days ago).${UNUSABLE}`,
        { domain },
      ),
    ];
  }
  const daysLeft = certDaysLeft(info.notAfter, now);
  if (daysLeft !== null && daysLeft < EXPIRING_SOON_DAYS) {
    return [
      makeFinding(
        'cert-expiring-soon',
        `The certificate of ${code(host)} expires on ${formatDate(info.notAfter, now)} (in ${daysLeft} days).`,
        { domain },
      ),
    ];
  }
  return [];
}
