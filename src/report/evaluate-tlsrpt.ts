import { codeValue } from '../parsers/quote-value.js';
import { looksLikeTlsRptRecord, parseTlsRptRecord, selectTlsRptRecords } from '../parsers/tlsrpt-record.js';
import type { DnsProbeResult } from '../probes/dns-probes.js';
import { inlineCode as code } from '../text/inline-code.js';
import { makeFinding } from './make-finding.js';
import type { Finding, Report } from './report.js';

export interface TlsRptEvaluation {
  tlsrpt: Report['tlsrpt'];
  /** Exactly one valid record is published: senders will send reports. */
  valid: boolean;
  findings: Finding[];
}

export function evaluateTlsRpt(probe: DnsProbeResult<string[]>, domain: string): TlsRptEvaluation {
  const name = `_smtp._tls.${domain}`;
  if (!probe.ok) {
    const detail = `The ${code(name)} TXT lookup failed (${probe.detail}); senders cannot find where to report.`;
    return {
      tlsrpt: null,
      valid: false,
      findings: [makeFinding('tlsrpt-invalid', detail, { domain, lookupFailed: true })],
    };
  }
  const records = selectTlsRptRecords(probe.value);
  const [first] = records;
  if (first === undefined) return discarded(probe.value.filter(looksLikeTlsRptRecord), domain);
  if (records.length > 1) {
    const detail = `${records.length} ${code('v=TLSRPTv1')} records at ${code(name)}; senders ignore them all (RFC 8460 §3).`;
    return {
      tlsrpt: { record: first, rua: [] },
      valid: false,
      findings: [makeFinding('tlsrpt-invalid', detail, { domain })],
    };
  }
  const parsed = parseTlsRptRecord(first);
  if (!parsed.ok) {
    const detail = `${codeValue(first)}: ${parsed.reason}.`;
    return {
      tlsrpt: { record: first, rua: [] },
      valid: false,
      findings: [makeFinding('tlsrpt-invalid', detail, { domain })],
    };
  }
  return { tlsrpt: { record: first, rua: parsed.value.rua }, valid: true, findings: [] };
}

/** No record begins with "v=TLSRPTv1;", but one was plainly meant as such: senders discard it. */
function discarded(nearMisses: string[], domain: string): TlsRptEvaluation {
  const [record] = nearMisses;
  if (record === undefined) return { tlsrpt: null, valid: false, findings: [] };
  const detail = `${codeValue(record)} does not begin with exactly ${code('v=TLSRPTv1;')}, so senders discard it.`;
  return { tlsrpt: { record, rua: [] }, valid: false, findings: [makeFinding('tlsrpt-invalid', detail, { domain })] };
}
