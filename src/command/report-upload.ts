import type { NoticeMessage } from '../chat/chat-message.js';
import type { CommandRequest } from './command-handler.js';

/** A report file a user uploaded into a channel, downloaded (within the size bound) by the adapter. */
export interface ReportUpload extends Pick<CommandRequest, 'platform' | 'workspaceId' | 'channelId' | 'userId'> {
  fileName: string;
  bytes: Uint8Array;
}

export interface UploadHandler {
  /** Reads and stores the report; the answer for a thread under the upload. Never throws. */
  readUpload(upload: ReportUpload): Promise<NoticeMessage>;
}
