import { randomBytes } from 'node:crypto';
import type { NoticeMessage } from '../chat/chat-message.js';
import type { TlsRptStore } from '../store/tlsrpt-store.js';
import { domainSessions } from '../tlsrpt/domain-sessions.js';
import type { CommandRequest } from './command-handler.js';
import { reportsMessage } from './reports-message.js';
import { channelOf } from './watch-deps.js';

/** What the reports commands and the TLS-RPT findings read: the channel's reports and its ingest token. */
export interface ReportsDeps {
  store: TlsRptStore;
  /** The bot's public base URL (MTASTS_PUBLIC_URL); null when the rua endpoint is not exposed. */
  publicUrl: string | null;
}

const DAY_MS = 86_400_000;

/** `reports <domain>`: the channel's reports of the last 7 and 30 days; no scan, so no quota. */
export async function reportsCommand(
  request: CommandRequest,
  domain: string,
  { store }: ReportsDeps,
  now: number,
): Promise<NoticeMessage> {
  const since = (days: number) => new Date(now - days * DAY_MS).toISOString();
  const reports = await store.tlsRptReports(channelOf(request), domain, { endAfter: since(30) });
  const recent = reports.filter((report) => report.end > since(7));
  return reportsMessage({ domain, last7: domainSessions(recent, domain), last30: domainSessions(reports, domain) });
}

/** `reports endpoint`: mints the channel's token once, then always shows the same rua address. */
export async function reportsEndpointCommand(
  request: CommandRequest,
  { store, publicUrl }: ReportsDeps,
  now: number,
): Promise<NoticeMessage> {
  if (publicUrl === null) {
    const text =
      'The TLS-RPT report endpoint is not configured: this bot has no public URL (MTASTS_PUBLIC_URL is unset), so senders cannot post reports to it. Report files (.json, .json.gz) uploaded into this channel are still read.';
    return { kind: 'notice', code: 'endpoint-unconfigured', tone: 'neutral', private: true, text: [text] };
  }
  const token = await store.mintIngestToken(
    channelOf(request),
    randomBytes(24).toString('base64url'),
    new Date(now).toISOString(),
  );
  const rua = new URL(`tlsrpt/${token}`, publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`).href;
  const text = [
    `Reports sent to this address land in this channel: rua=${rua}`,
    `Add it to the domain's TLS-RPT record, e.g. _smtp._tls.example.com TXT "v=TLSRPTv1; rua=${rua}" (beside a mailto: if you keep one, comma-separated).`,
    'Keep the address to the people who publish DNS: anyone who has it can post reports here.',
  ].join('\n');
  return { kind: 'notice', code: 'reports-endpoint', tone: 'info', private: true, text: [text] };
}
