import { describe, expect, it } from 'vitest';
import { statusGlyph } from '../../../adapters/shared/palette.js';
import { lineStatus, STATUS_LABELS } from '../../../adapters/shared/verdict-labels.js';
import type { DigestLine } from '../../../src/chat/digest-message.js';

const line = (verdict: DigestLine['verdict'], timedOut: boolean) => ({ verdict, timedOut }) as DigestLine;

describe('lineStatus and STATUS_LABELS', () => {
  it('names a line by its verdict, or by why it has none', () => {
    expect(STATUS_LABELS[lineStatus(line('not-configured', false))]).toBe('not configured');
    expect(STATUS_LABELS[lineStatus(line('none', false))]).toBe('mode none');
    expect(STATUS_LABELS[lineStatus(line(null, true))]).toBe('timed out');
    expect(STATUS_LABELS[lineStatus(line(null, false))]).toBe('scan failed');
  });

  it('marks a line with its verdict’s colour, or an hourglass or exclamation mark', () => {
    expect(statusGlyph('broken')).toEqual({ emoji: '🟠', slack: ':large_orange_circle:' });
    expect(statusGlyph('not-configured')).toEqual({ emoji: '⚪', slack: ':white_circle:' });
    expect(statusGlyph('timed-out')).toEqual({ emoji: '⏳', slack: ':hourglass:' });
    expect(statusGlyph('failed')).toEqual({ emoji: '❗', slack: ':heavy_exclamation_mark:' });
  });
});
