import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../src/command/format-duration.js';

describe('formatDuration', () => {
  it('rounds up to whole seconds so a retry time is never too early', () => {
    expect(formatDuration(41_001)).toBe('42 s');
  });

  it('shows the largest unit and the next one down', () => {
    expect(formatDuration(4 * 60_000 + 12_000)).toBe('4 min 12 s');
    expect(formatDuration(604_800_000)).toBe('7 days');
    expect(formatDuration(86_400_000 + 3 * 3_600_000)).toBe('1 day 3 h');
  });

  it('gives two days and more in whole days', () => {
    expect(formatDuration(2 * 86_400_000 + 3 * 3_600_000)).toBe('2 days');
    expect(formatDuration(31 * 86_400_000 + 23 * 3_600_000)).toBe('31 days');
    expect(formatDuration(2 * 86_400_000 - 1000)).toBe('1 day 23 h');
  });

  it('says "0 s" for nothing or a negative span', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(-5)).toBe('0 s');
  });
});
