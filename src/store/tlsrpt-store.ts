import type { TlsRptSummaryRow } from '../tlsrpt/tlsrpt-report.js';
import type { Channel } from './watch-store.js';

/** One accepted TLS-RPT report as a channel received it: its summary, not its bytes. */
export interface StoredTlsRptReport {
  channel: Channel;
  /** Who handed it in: "rua" for the HTTPS endpoint, or the uploader, e.g. "slack:U123". */
  submitter: string;
  organization: string | null;
  reportId: string | null;
  /** The report's date range and when it arrived, ISO 8601 UTC. */
  start: string;
  end: string;
  receivedAt: string;
  summary: TlsRptSummaryRow[];
}

/** Which of a channel's reports to read: by the end of their date range, or by when they arrived. */
export type TlsRptWindow = { endAfter: string } | { receivedAfter: string };

/**
 * TLS-RPT reports per channel and the per-channel tokens of the rua endpoint, behind a small async interface so
 * that a store shared between bot replicas (e.g. Postgres) can replace SQLite.
 */
export interface TlsRptStore {
  /**
   * Keeps the report unless the channel already has one with the same `key` (organisation + report-id);
   * false for such a duplicate, which then counts once.
   */
  addTlsRptReport(report: StoredTlsRptReport, key: string): Promise<boolean>;
  /** The channel's reports with a summary row for the domain, in the window, oldest first. */
  tlsRptReports(channel: Channel, domain: string, window: TlsRptWindow): Promise<StoredTlsRptReport[]>;
  /** The channel's ingest token, or null before one was minted. */
  ingestToken(channel: Channel): Promise<string | null>;
  /** Keeps `token` as the channel's unless it already has one; returns the channel's token either way. */
  mintIngestToken(channel: Channel, token: string, at: string): Promise<string>;
  /** The channel a token was minted for, or null for a token nobody minted. */
  channelOfIngestToken(token: string): Promise<Channel | null>;
}
