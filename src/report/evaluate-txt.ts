import { codeValue } from '../parsers/quote-value.js';
import { looksLikeStsRecord, parseStsRecord, selectStsRecords } from '../parsers/sts-record.js';
import type { DnsProbeResult } from '../probes/dns-probes.js';
import { inlineCode as code } from '../text/inline-code.js';
import { makeFinding } from './make-finding.js';
import type { Finding, Report } from './report.js';

export interface TxtEvaluation {
  txt: Report['txt'];
  /** The policy id when exactly one valid STSv1 record is published. */
  id: string | null;
  /** Some STSv1 record (valid or not) is published: the owner meant to deploy MTA-STS. */
  present: boolean;
  /** The lookup itself failed, so whether a record exists is unknown. */
  lookupFailed: boolean;
  findings: Finding[];
}

export function evaluateTxt(probe: DnsProbeResult<string[]>, domain: string): TxtEvaluation {
  const name = `_mta-sts.${domain}`;
  if (!probe.ok) {
    const detail = `The ${code(name)} TXT lookup failed (${probe.detail}); senders that cannot read it treat the domain as having no policy.`;
    return {
      txt: null,
      id: null,
      present: false,
      lookupFailed: true,
      findings: [makeFinding('txt-invalid', detail, { domain, lookupFailed: true })],
    };
  }
  const records = selectStsRecords(probe.value);
  const [first] = records;
  if (first === undefined) return discarded(probe.value.filter(looksLikeStsRecord), domain);
  if (records.length > 1) {
    const detail = `${records.length} ${code('v=STSv1')} records at ${code(name)}: ${records.map(codeValue).join(', ')}.`;
    return {
      txt: { record: first, id: null },
      id: null,
      present: true,
      lookupFailed: false,
      findings: [makeFinding('txt-multiple', detail, { domain })],
    };
  }
  const parsed = parseStsRecord(first);
  if (!parsed.ok) {
    const detail = `${codeValue(first)}: ${parsed.reason}.`;
    return {
      txt: { record: first, id: null },
      id: null,
      present: true,
      lookupFailed: false,
      findings: [makeFinding('txt-invalid', detail, { domain })],
    };
  }
  return {
    txt: { record: first, id: parsed.value.id },
    id: parsed.value.id,
    present: true,
    lookupFailed: false,
    findings: [],
  };
}

/** No record begins with "v=STSv1;", but one was plainly meant as such: senders discard it, the owner should know. */
function discarded(nearMisses: string[], domain: string): TxtEvaluation {
  const [record] = nearMisses;
  if (record === undefined) return { txt: null, id: null, present: false, lookupFailed: false, findings: [] };
  const detail = `${codeValue(record)} does not begin with exactly ${code('v=STSv1;')}, so senders discard it.`;
  return {
    txt: { record, id: null },
    id: null,
    present: true,
    lookupFailed: false,
    findings: [makeFinding('txt-invalid', detail, { domain })],
  };
}
