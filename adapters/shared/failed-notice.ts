import type { NoticeMessage } from '../../src/chat/chat-message.js';

/** What a user is told when the core throws instead of answering: every adapter says the same. */
export const FAILED_NOTICE: NoticeMessage = {
  kind: 'notice',
  code: 'failed',
  tone: 'warning',
  text: ['Something went wrong with that request. Please try again in a minute.'],
  private: true,
};
