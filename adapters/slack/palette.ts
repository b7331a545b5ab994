import type { Tone } from '../../src/chat/chat-message.js';
import type { Severity } from '../../src/report/report.js';
import { SEVERITY_GLYPH, TONE_PALETTE } from '../shared/palette.js';

/**
 * The verdict colour as an emoji rather than a legacy attachment colour bar: it shows in the header, in the
 * notification text and in screen readers, and keeps the message plain Block Kit (attachments fold long content).
 */
export function toneEmoji(tone: Tone): string {
  return TONE_PALETTE[tone].glyph.slack;
}

export function severityEmoji(severity: Severity): string {
  return SEVERITY_GLYPH[severity].slack;
}
