import { describe, expect, it } from 'vitest';
import {
  cronPattern,
  DEFAULT_SCHEDULE,
  describeSchedule,
  parseDigestSchedule,
} from '../../src/digest/digest-schedule.js';

const value = (text: string) => {
  const parsed = parseDigestSchedule(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
};
const reason = (text: string): string => {
  const parsed = parseDigestSchedule(text);
  if (parsed.ok) throw new Error(`"${text}" parsed`);
  return parsed.reason;
};

describe('parseDigestSchedule', () => {
  it('reads "daily" as every day at 09:00 UTC, the default', () => {
    expect(value('daily')).toEqual({ every: 'day', hour: 9, minute: 0, timezone: 'UTC' });
    expect(value('daily')).toEqual(DEFAULT_SCHEDULE);
  });

  it('reads "weekly" as Mondays at 09:00 UTC', () => {
    expect(value('Weekly')).toEqual({ every: 'week', hour: 9, minute: 0, timezone: 'UTC' });
    expect(cronPattern({ every: 'week', hour: 9, minute: 0, timezone: 'UTC' })).toBe('0 9 * * 1');
  });

  it('reads "off"', () => {
    expect(value(' off ')).toEqual({ every: 'off' });
  });

  it('reads HH:MM as daily at that time, with an optional IANA time zone in its canonical spelling', () => {
    expect(value('7:05')).toEqual({ every: 'day', hour: 7, minute: 5, timezone: 'UTC' });
    expect(value('23:59 europe/berlin')).toEqual({ every: 'day', hour: 23, minute: 59, timezone: 'Europe/Berlin' });
    expect(value('weekly 08:30 America/New_York')).toEqual({
      every: 'week',
      hour: 8,
      minute: 30,
      timezone: 'America/New_York',
    });
    expect(value('daily Asia/Tokyo')).toEqual({ every: 'day', hour: 9, minute: 0, timezone: 'Asia/Tokyo' });
  });

  it('rejects an unknown time zone with a message that names it and shows valid ones', () => {
    expect(reason('09:00 Mars/Olympus_Mons')).toContain('unknown time zone "Mars/Olympus_Mons"');
    expect(reason('09:00 Mars/Olympus_Mons')).toContain('Europe/Berlin');
    // An offset is not a zone name: croner could not schedule it.
    expect(reason('09:00 +01:00')).toContain('unknown time zone');
  });

  it('rejects impossible times, unknown words, extra words and text far too long', () => {
    expect(reason('24:00')).toContain('"24:00" is not a schedule');
    expect(reason('9:60')).toContain('is not a schedule');
    expect(reason('hourly')).toContain('Use daily, weekly (Mondays), off or HH:MM');
    expect(reason('off now')).toContain('"off" takes nothing after it');
    expect(reason('daily 09:00 UTC please')).toContain('too many words');
    expect(reason('')).toContain('no schedule given');
    expect(reason(`daily ${'a'.repeat(200)}`)).toContain('far too long');
  });
});

describe('describeSchedule', () => {
  it('says when digests come, for people', () => {
    expect(describeSchedule(DEFAULT_SCHEDULE)).toBe('daily at 09:00 UTC');
    expect(describeSchedule({ every: 'week', hour: 8, minute: 5, timezone: 'Europe/Berlin' })).toBe(
      'weekly on Mondays at 08:05 Europe/Berlin',
    );
    expect(describeSchedule({ every: 'off' })).toBe('off');
  });
});
