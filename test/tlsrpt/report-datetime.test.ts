import { describe, expect, it } from 'vitest';
import { parseReportDateTime } from '../../src/tlsrpt/report-datetime.js';

const iso = (text: string) => {
  const parsed = parseReportDateTime(text);
  return parsed.ok ? [new Date(parsed.value.ms).toISOString(), parsed.value.withoutZone] : 'invalid';
};

describe('parseReportDateTime', () => {
  it('reads RFC 3339 date-times as UTC instants', () => {
    expect(iso('2028-02-29T12:30:45Z')).toEqual(['2028-02-29T12:30:45.000Z', false]);
    expect(iso('2000-02-29t00:00:00z')).toEqual(['2000-02-29T00:00:00.000Z', false]);
    expect(iso('2026-11-30T00:00:00.123456+01:30')).toEqual(['2026-11-29T22:30:00.123Z', false]);
    expect(iso('0099-01-01T00:00:00Z')).toEqual(['0099-01-01T00:00:00.000Z', false]);
  });

  it('reads a missing zone as UTC and says so; seconds may be left out', () => {
    expect(iso('2026-11-30 23:59')).toEqual(['2026-11-30T23:59:00.000Z', true]);
  });

  it('reads 24:00 as next-day midnight, across a year end', () => {
    expect(iso('2026-12-31T24:00:00Z')).toEqual(['2027-01-01T00:00:00.000Z', false]);
    expect(iso('2026-12-31T24:00:00.000Z')).toEqual(['2027-01-01T00:00:00.000Z', false]);
  });

  it('refuses dates that do not exist and other shapes', () => {
    for (const text of [
      '1900-02-29T00:00:00Z',
      '2026-04-31T00:00:00Z',
      '2026-00-10T00:00:00Z',
      '2026-11-30T24:00:00.5Z',
      '2026-11-30T12:00:00+05:60',
      '2026-11-30T12:00:00 Z',
      ' 2026-11-30T12:00:00Z',
      '+02026-11-30T12:00:00Z',
    ]) {
      expect(iso(text)).toBe('invalid');
    }
  });
});
