import { decodeReportBytes } from './decode-report-bytes.js';
import { readPolicyEntry } from './read-policy-entry.js';
import { parseReportDateTime } from './report-datetime.js';
import {
  describe,
  isObject,
  type JsonObject,
  optionalString,
  pathOf,
  requiredObject,
  type Warn,
} from './report-fields.js';
import { ReportRejected, reject } from './report-rejection.js';
import { summarisePolicies } from './summarise-policies.js';
import type { TlsRptResult, TlsRptWarningCode } from './tlsrpt-report.js';

/**
 * Reads one TLS-RPT aggregate report (RFC 8460 §4), JSON or gzip, into a summary or a rejection. A wrong type
 * rejects the whole report (its numbers cannot be trusted); a missing value is tolerated with a warning, as real
 * senders leave fields out. Pure: no I/O.
 */
export function readTlsRptReport(bytes: Uint8Array): TlsRptResult {
  const warnings = new Set<TlsRptWarningCode>();
  const warn: Warn = (code) => warnings.add(code);
  try {
    const report = parseJson(decodeReportBytes(bytes, warn));
    // Checked in the order of RFC 8460 §4.4, so the first offending value is the one named.
    const organization = optionalString(report, 'organization-name', '') ?? null;
    const range = requiredObject(report, 'date-range', '');
    const start = readDateTime(range, 'start-datetime', warn);
    const end = readDateTime(range, 'end-datetime', warn);
    if (end < start) reject('invalid-datetime', 'date-range.end-datetime', 'the report ends before it starts');
    const contactInfo = optionalString(report, 'contact-info', '') ?? null;
    const reportId = optionalString(report, 'report-id', '') ?? null;
    const policies = report['policies'];
    const entries = policies.map((entry, i) => readPolicyEntry(entry, pathOf('policies', i), warn));
    return {
      accepted: true,
      report: {
        organization,
        reportId,
        contactInfo,
        start: new Date(start).toISOString(),
        end: new Date(end).toISOString(),
        policyCount: policies.length,
      },
      summary: summarisePolicies(entries),
      warnings: [...warnings].sort(),
    };
  } catch (error) {
    if (error instanceof ReportRejected) return { accepted: false, error: error.rejection };
    throw error;
  }
}

function parseJson(bytes: Uint8Array): JsonObject & { policies: unknown[] } {
  let text: string;
  let value: unknown;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return reject('invalid-json', null, 'the report is not UTF-8 text');
  }
  try {
    value = JSON.parse(text);
  } catch {
    // The engine's message quotes the input: remote text stays out of it.
    return reject('invalid-json', null, 'the report is not valid JSON');
  }
  if (!isObject(value)) return reject('not-a-report', null, `the report is ${describe(value)}, not a JSON object`);
  const policies = value['policies'];
  if (policies === undefined || policies === null)
    return reject('not-a-report', 'policies', 'the report has no "policies"');
  if (!Array.isArray(policies))
    return reject('invalid-type', 'policies', `"policies" is ${describe(policies)}, not an array`);
  return value as JsonObject & { policies: unknown[] };
}

function readDateTime(range: JsonObject, key: string, warn: Warn): number {
  const path = pathOf('date-range', key);
  const value = range[key];
  if (value === undefined || value === null) reject('missing-field', path, `"${key}" is missing`);
  const parsed = typeof value === 'string' ? parseReportDateTime(value) : { ok: false as const };
  if (!parsed.ok) reject('invalid-datetime', path, `"${key}" is ${describe(value)}, not an RFC 3339 date-time`);
  if (parsed.value.withoutZone) warn('datetime-without-timezone');
  return parsed.value.ms;
}
