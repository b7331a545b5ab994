import type { App } from '@slack/bolt';
import type { Logger } from 'pino';
import type { UploadHandler } from '../../src/command/report-upload.js';
import { isReportFileName, uploadTooLarge } from '../../src/command/upload-message.js';
import { TLSRPT_MAX_BYTES } from '../../src/tlsrpt/tlsrpt-report.js';
import { downloadFile } from '../http/download-file.js';
import type { InFlight } from '../shared/in-flight.js';
import { mrkdwnText } from './command-syntax.js';

export interface UploadListening {
  uploads: UploadHandler;
  /** The Web API base: file URLs on its origin (a test fake, GovSlack) may get the bot token too. */
  apiUrl: string;
  inFlight: InFlight;
  logger: Logger;
}

interface SharedFile {
  id?: string;
}

const DOWNLOAD_TIMEOUT_MS = 15_000;

/**
 * Report files (.json, .json.gz) shared into a channel the bot is in: each is looked up with files.info,
 * downloaded with the bot token (within the 10 MiB bound), read and stored, and answered in a thread under it.
 */
export function registerReportUploads(app: App, options: UploadListening): void {
  app.event('message', async ({ event, body, client, context }) => {
    if (event.subtype !== 'file_share' || !('files' in event) || !Array.isArray(event.files)) return;
    const teamId = (body as { team_id?: string }).team_id ?? '';
    const { channel, ts } = event;
    const userId = 'user' in event && typeof event.user === 'string' ? event.user : '';
    // The workspace's own bot token, as Bolt authorised this event (one token, or one per installation).
    const botToken = context.botToken;
    if (botToken === undefined) return;
    const work = (async () => {
      for (const shared of event.files as SharedFile[]) {
        if (typeof shared.id !== 'string') continue;
        const { file } = await client.files.info({ file: shared.id });
        if (file?.name === undefined || !isReportFileName(file.name)) continue;
        const answer = await readFile(file, { ...options, botToken, teamId, channel, userId });
        if (answer === null) continue;
        await client.chat.postMessage({ channel, thread_ts: ts, text: mrkdwnText(answer.text), unfurl_links: false });
      }
    })().catch((err: unknown) => options.logger.error({ err }, 'slack: reading a shared report file failed'));
    await options.inFlight.track(work);
  });
}

interface FileInfo {
  name?: string;
  size?: number;
  url_private_download?: string;
}

async function readFile(
  file: FileInfo,
  {
    uploads,
    botToken,
    apiUrl,
    logger,
    teamId,
    channel,
    userId,
  }: UploadListening & { botToken: string; teamId: string; channel: string; userId: string },
) {
  const fileName = file.name!;
  if ((file.size ?? 0) > TLSRPT_MAX_BYTES) return uploadTooLarge(fileName);
  const url = file.url_private_download;
  if (url === undefined || !tokenMayGoTo(url, apiUrl)) {
    logger.warn({ fileName }, 'slack: shared file has no download URL on Slack; not read');
    return null;
  }
  const download = await downloadFile(url, {
    maxBytes: TLSRPT_MAX_BYTES,
    timeoutMs: DOWNLOAD_TIMEOUT_MS,
    headers: { authorization: `Bearer ${botToken}` },
  });
  if (!download.ok) {
    if (download.reason === 'too-large') return uploadTooLarge(fileName);
    logger.warn({ fileName }, 'slack: download of a shared report file failed');
    return null;
  }
  return uploads.readUpload({
    platform: 'slack',
    workspaceId: teamId,
    channelId: channel,
    userId,
    fileName,
    bytes: download.bytes,
  });
}

/** The bot token goes to Slack's file hosts over HTTPS, or to the configured API's own origin, nowhere else. */
function tokenMayGoTo(url: string, apiUrl: string): boolean {
  if (!URL.canParse(url)) return false;
  const target = new URL(url);
  if (target.origin === new URL(apiUrl).origin) return true;
  return (
    target.protocol === 'https:' && (target.hostname === 'files.slack.com' || target.hostname.endsWith('.slack.com'))
  );
}
