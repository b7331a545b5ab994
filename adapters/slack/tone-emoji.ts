import type { Tone } from '../../src/command/chat-message.js';
import type { Severity } from '../../src/report/report.js';

/**
 * The verdict colour as an emoji rather than a legacy attachment colour bar: it shows in the header, in the
 * notification text and in screen readers, and keeps the message plain Block Kit (attachments fold long content).
 */
const TONE_EMOJI: Record<Tone, string> = {
  good: ':large_green_circle:',
  info: ':large_blue_circle:',
  neutral: ':white_circle:',
  warning: ':large_orange_circle:',
};

const SEVERITY_EMOJI: Record<Severity, string> = {
  error: ':x:',
  warning: ':warning:',
  info: ':information_source:',
};

export function toneEmoji(tone: Tone): string {
  return TONE_EMOJI[tone];
}

export function severityEmoji(severity: Severity): string {
  return SEVERITY_EMOJI[severity];
}
