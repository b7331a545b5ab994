import { createHash } from 'node:crypto';
import type { TlsRptStore } from '../store/tlsrpt-store.js';
import type { Channel } from '../store/watch-store.js';
import { readTlsRptReport } from './read-report.js';
import type { TlsRptResult } from './tlsrpt-report.js';

export interface IngestInput {
  channel: Channel;
  /** "rua" for the HTTPS endpoint, or the uploader, e.g. "slack:U123". */
  submitter: string;
  bytes: Uint8Array;
  now: Date;
}

/** The reader's verdict on the bytes; an accepted report also says whether it was new to the channel. */
export type IngestOutcome =
  | Extract<TlsRptResult, { accepted: false }>
  | (Extract<TlsRptResult, { accepted: true }> & { stored: boolean });

/** Reads one report and keeps its summary for the channel; the same report twice (organisation + report-id) counts once. */
export async function ingestReport(
  store: Pick<TlsRptStore, 'addTlsRptReport'>,
  input: IngestInput,
): Promise<IngestOutcome> {
  const result = readTlsRptReport(input.bytes);
  if (!result.accepted) return result;
  const { report, summary } = result;
  const stored = await store.addTlsRptReport(
    {
      channel: input.channel,
      submitter: input.submitter,
      organization: report.organization,
      reportId: report.reportId,
      start: report.start,
      end: report.end,
      receivedAt: input.now.toISOString(),
      summary,
    },
    dedupKey(report.organization, report.reportId, input.bytes),
  );
  return { ...result, stored };
}

/** Organisation + report-id; a report without an id can only be recognised by its exact bytes. */
function dedupKey(organization: string | null, reportId: string | null, bytes: Uint8Array): string {
  if (reportId === null) return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
  return JSON.stringify([organization, reportId]);
}
