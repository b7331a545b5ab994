import { describe, expect, it } from 'vitest';
import { describeNextDigest } from '../../src/command/describe-next-digest.js';

describe('describeNextDigest', () => {
  it('names the next slot as the schedule’s time zone reads it, with how long until then', () => {
    const now = new Date('2024-03-01T00:00:00.000Z');
    expect(describeNextDigest({ every: 'day', hour: 9, minute: 0, timezone: 'UTC' }, now)).toBe(
      'next digest Fri 1 Mar 09:00 UTC (in 9 h)',
    );
    // 20:00 in Tokyo (UTC+9) is 11:00 UTC.
    expect(describeNextDigest({ every: 'day', hour: 20, minute: 0, timezone: 'Asia/Tokyo' }, now)).toBe(
      'next digest Fri 1 Mar 20:00 Asia/Tokyo (in 11 h)',
    );
  });

  it('follows a daylight-saving change: 09:00 in New York is 14:00 UTC before 10 March 2024 and 13:00 UTC after', () => {
    const schedule = { every: 'day', hour: 9, minute: 0, timezone: 'America/New_York' } as const;
    expect(describeNextDigest(schedule, new Date('2024-03-09T15:00:00.000Z'))).toBe(
      'next digest Sun 10 Mar 09:00 America/New_York (in 22 h)',
    );
  });

  it('says how to turn digests back on when they are off', () => {
    expect(describeNextDigest({ every: 'off' }, new Date())).toBe(
      'digests are off here ("digest daily" turns them on)',
    );
  });
});
