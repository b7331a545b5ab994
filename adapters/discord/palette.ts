import type { Tone } from '../../src/chat/chat-message.js';
import type { Severity } from '../../src/report/report.js';
import { SEVERITY_GLYPH, TONE_PALETTE } from '../shared/palette.js';

/** The embed colour bar of a tone: grey for not-configured and none, amber for broken. */
export function toneColour(tone: Tone): number {
  return TONE_PALETTE[tone].rgb;
}

export function severityEmoji(severity: Severity): string {
  return SEVERITY_GLYPH[severity].emoji;
}
