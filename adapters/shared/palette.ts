import type { Tone } from '../../src/chat/chat-message.js';
import type { LineStatus } from '../../src/chat/status-labels.js';
import { VERDICT_TONES } from '../../src/command/report-message.js';
import type { Colour } from '../../src/render/terminal-style.js';
import type { Severity } from '../../src/report/report.js';

/** One mark: the emoji Discord shows and the name Slack knows the same emoji by. */
export interface Glyph {
  emoji: string;
  slack: string;
}

export interface Swatch {
  glyph: Glyph;
  /** Discord embed colour. */
  rgb: number;
  /** Console colour. */
  terminal: Colour;
}

/**
 * The one colour language of every platform: broken is amber (it needs a look, it is not an outage), not-configured
 * and mode none are grey (the global default, not an alarm), enforced green, testing blue.
 */
export const TONE_PALETTE: Record<Tone, Swatch> = {
  good: { glyph: { emoji: '🟢', slack: ':large_green_circle:' }, rgb: 0x2eb67d, terminal: 'green' },
  info: { glyph: { emoji: '🔵', slack: ':large_blue_circle:' }, rgb: 0x3b82f6, terminal: 'blue' },
  neutral: { glyph: { emoji: '⚪', slack: ':white_circle:' }, rgb: 0x99aab5, terminal: 'grey' },
  warning: { glyph: { emoji: '🟠', slack: ':large_orange_circle:' }, rgb: 0xf2a900, terminal: 'yellow' },
};

/** Findings by severity, the same glyph in every report, fix thread and digest. */
export const SEVERITY_GLYPH: Record<Severity, Glyph> = {
  error: { emoji: '❌', slack: ':x:' },
  warning: { emoji: '⚠️', slack: ':warning:' },
  info: { emoji: 'ℹ️', slack: ':information_source:' },
};

/** Digest lines of domains that could not be scanned. */
const TIMED_OUT_GLYPH: Glyph = { emoji: '⏳', slack: ':hourglass:' };
const FAILED_GLYPH: Glyph = { emoji: '❗', slack: ':heavy_exclamation_mark:' };

/** The mark of a digest line: its verdict's colour, or why it has none. */
export function statusGlyph(status: LineStatus): Glyph {
  if (status === 'timed-out') return TIMED_OUT_GLYPH;
  if (status === 'failed') return FAILED_GLYPH;
  return TONE_PALETTE[VERDICT_TONES[status]].glyph;
}
