import type { Tone } from '../../src/chat/chat-message.js';
import type { LineStatus } from '../../src/chat/status-labels.js';
import { VERDICT_TONES } from '../../src/command/report-message.js';
import type { Colour } from '../../src/render/terminal-style.js';
import { TONE_PALETTE } from '../shared/palette.js';

/** The terminal colour of a tone: the same language as the chat platforms' circles and colour bars. */
export function toneColour(tone: Tone): Colour {
  return TONE_PALETTE[tone].terminal;
}

/** A digest line's mark: a terminal shows one character where the chat platforms show a coloured circle. */
export function statusMark(status: LineStatus): [string, Colour] {
  if (status === 'timed-out' || status === 'failed') return ['?', 'yellow'];
  const mark = { enforced: '✓', testing: 'i', none: '·', 'not-configured': '·', broken: '✗' }[status];
  return [mark, toneColour(VERDICT_TONES[status])];
}
