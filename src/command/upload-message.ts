import type { NoticeMessage } from '../chat/chat-message.js';
import { clip } from '../tlsrpt/domain-sessions.js';
import type { IngestOutcome } from '../tlsrpt/ingest-report.js';
import { TLSRPT_MAX_BYTES, type TlsRptRejectionCode, type TlsRptSummaryRow } from '../tlsrpt/tlsrpt-report.js';

/** The files read as reports when uploaded into a channel; anything else is left alone. */
export function isReportFileName(name: string): boolean {
  return /\.json(\.gz)?$/i.test(name);
}

const REJECTIONS: Record<TlsRptRejectionCode, string> = {
  'invalid-json': 'the file is not valid JSON',
  'not-a-report': 'this is not a TLS-RPT report (no "policies" list at its top)',
  'invalid-type': 'a value has the wrong JSON type, so its numbers cannot be trusted',
  'missing-field': 'a field every report must have is missing',
  'invalid-datetime': 'a date-time is not a valid RFC 3339 date-time',
  'invalid-count': 'a session count is not a whole number of zero or more',
  'invalid-gzip': 'the gzip data is corrupt or cut short',
  'too-large': `it is larger than ${TLSRPT_MAX_BYTES / 1024 / 1024} MiB once decompressed`,
};
const ROWS_SHOWN = 5;

/** The answer, in a thread under the upload, to a report file read from chat. */
export function uploadMessage(fileName: string, outcome: IngestOutcome): NoticeMessage {
  const name = clip(fileName);
  if (!outcome.accepted) {
    const { code, path } = outcome.error;
    const where = path === null ? '' : ` at ${clip(path)}`;
    const text = `${name} was not stored: ${REJECTIONS[code]} (${code}${where}). ${clip(outcome.error.message)}`;
    return { kind: 'notice', code: 'upload-rejected', tone: 'warning', private: false, text: [text] };
  }
  const { organization, reportId, start, end } = outcome.report;
  const from = `${clip(organization ?? 'an unnamed sender')}, ${start.slice(0, 10)} to ${end.slice(0, 10)}`;
  const head = outcome.stored
    ? `${name}: report ${clip(reportId ?? '(no id)')} from ${from}, stored for this channel.`
    : `${name}: this channel already has report ${clip(reportId ?? '(no id)')} from ${from}; it counts once.`;
  const rows = outcome.summary.slice(0, ROWS_SHOWN).map(rowLine);
  if (outcome.summary.length > ROWS_SHOWN) rows.push(`+${outcome.summary.length - ROWS_SHOWN} more policies`);
  if (outcome.warnings.length > 0) rows.push(`Read despite: ${outcome.warnings.join(', ')}`);
  const failed = outcome.summary.some((row) => row.failed > 0);
  return {
    kind: 'notice',
    code: outcome.stored ? 'upload-stored' : 'upload-duplicate',
    tone: failed ? 'warning' : 'good',
    private: false,
    text: [[head, ...rows].join('\n')],
  };
}

/** A file over the size bound is never downloaded. */
export function uploadTooLarge(fileName: string): NoticeMessage {
  const text = `${clip(fileName)} was not read: it is larger than ${TLSRPT_MAX_BYTES / 1024 / 1024} MiB (too-large).`;
  return { kind: 'notice', code: 'upload-too-large', tone: 'warning', private: false, text: [text] };
}

function rowLine(row: TlsRptSummaryRow): string {
  const failures = Object.entries(row.failuresByResultType)
    .slice(0, 3)
    .map(([type, n]) => `${clip(type)} ${n}`);
  const [mx] = Object.keys(row.failingMxHosts);
  const detail =
    failures.length > 0 ? ` (${failures.join(', ')}${mx === undefined ? '' : `; most at ${clip(mx)}`})` : '';
  return `${clip(row.policyDomain ?? '(no policy domain)')} ${clip(row.policyType)}: ${row.successful} succeeded · ${row.failed} failed${detail}`;
}
