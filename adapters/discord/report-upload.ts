import type { Message } from 'discord.js';
import type { Logger } from 'pino';
import type { UploadHandler } from '../../src/command/report-upload.js';
import { isReportFileName, uploadTooLarge } from '../../src/command/upload-message.js';
import { TLSRPT_MAX_BYTES } from '../../src/tlsrpt/tlsrpt-report.js';
import { downloadFile } from '../http/download-file.js';
import { channelTarget } from './channel-target.js';
import { discordText } from './command-syntax.js';
import { LIMITS } from './limits.js';
import { postThread } from './post-thread.js';

const DOWNLOAD_TIMEOUT_MS = 15_000;

/**
 * Report files (.json, .json.gz) attached to a message the bot can read: each is downloaded within the 10 MiB
 * bound, read and stored for the channel, and answered in a thread started from the message.
 */
export async function readReportAttachments(message: Message, uploads: UploadHandler, logger: Logger): Promise<void> {
  if (message.author.bot) return;
  for (const attachment of message.attachments.values()) {
    if (!isReportFileName(attachment.name)) continue;
    const answer = await readAttachment(message, attachment, uploads, logger);
    if (answer === null) continue;
    const target = channelTarget(message.client.rest, message.channelId);
    const thread = {
      name: `TLS-RPT: ${attachment.name}`.slice(0, 100),
      messages: [discordText(answer.text, LIMITS.content)],
    };
    await postThread(target, { id: message.id, channelId: message.channelId }, thread, logger);
  }
}

async function readAttachment(
  message: Message,
  attachment: { name: string; size: number; url: string },
  uploads: UploadHandler,
  logger: Logger,
) {
  if (attachment.size > TLSRPT_MAX_BYTES) return uploadTooLarge(attachment.name);
  const download = await downloadFile(attachment.url, { maxBytes: TLSRPT_MAX_BYTES, timeoutMs: DOWNLOAD_TIMEOUT_MS });
  if (!download.ok) {
    if (download.reason === 'too-large') return uploadTooLarge(attachment.name);
    logger.warn({ fileName: attachment.name }, 'discord: could not download a report attachment');
    return null;
  }
  return uploads.readUpload({
    platform: 'discord',
    workspaceId: message.guildId ?? 'dm',
    channelId: message.channelId,
    userId: message.author.id,
    fileName: attachment.name,
    bytes: download.bytes,
  });
}
