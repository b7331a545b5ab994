import { describe, expect, it } from 'vitest';
import { formatDate } from '../../src/text/format-date.js';

const NOW = Date.parse('2026-12-03T09:00:00.000Z');

describe('formatDate', () => {
  it('reads as day, month and UTC time, with no seconds or milliseconds', () => {
    expect(formatDate('2026-12-02T21:59:30.123Z', NOW)).toBe('2 Dec 21:59 UTC');
    expect(formatDate(Date.parse('2026-03-01T05:07:00Z'), NOW)).toBe('1 Mar 05:07 UTC');
  });

  it('adds the year when it is not this year', () => {
    expect(formatDate('2027-01-15T00:00:00.000Z', NOW)).toBe('15 Jan 2027 00:00 UTC');
  });

  it('returns an unreadable date as it is', () => {
    expect(formatDate('not a date', NOW)).toBe('not a date');
  });
});
