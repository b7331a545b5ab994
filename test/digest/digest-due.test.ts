import { describe, expect, it } from 'vitest';
import { dueSlot, nextSlot } from '../../src/digest/digest-due.js';
import { DEFAULT_SCHEDULE } from '../../src/digest/digest-schedule.js';

const at = (iso: string): Date => new Date(iso);
const BERLIN_9 = { every: 'day', hour: 9, minute: 0, timezone: 'Europe/Berlin' } as const;

describe('dueSlot', () => {
  it('is the slot just passed when nothing after it was claimed, and null before it', () => {
    const after = at('2026-11-29T09:00:00.000Z');
    expect(dueSlot(DEFAULT_SCHEDULE, after, at('2026-11-30T08:59:59.000Z'))).toBeNull();
    expect(dueSlot(DEFAULT_SCHEDULE, after, at('2026-11-30T09:00:00.000Z'))).toEqual(at('2026-11-30T09:00:00.000Z'));
    expect(dueSlot(DEFAULT_SCHEDULE, after, at('2026-11-30T09:00:30.000Z'))).toEqual(at('2026-11-30T09:00:00.000Z'));
  });

  it('is null once that slot is claimed', () => {
    expect(dueSlot(DEFAULT_SCHEDULE, at('2026-11-30T09:00:00.000Z'), at('2026-11-30T15:00:00.000Z'))).toBeNull();
  });

  it('after a long downtime is one slot, the latest, not one per missed slot', () => {
    const slot = dueSlot(DEFAULT_SCHEDULE, at('2026-11-01T09:00:00.000Z'), at('2026-11-30T12:00:00.000Z'));
    expect(slot).toEqual(at('2026-11-30T09:00:00.000Z'));
    expect(dueSlot(DEFAULT_SCHEDULE, slot!, at('2026-11-30T12:00:00.000Z'))).toBeNull();
  });

  it("reads the time in the schedule's time zone, across a daylight-saving change", () => {
    // Berlin is UTC+1 in winter and UTC+2 from 29 March 2026.
    expect(dueSlot(BERLIN_9, at('2026-03-27T00:00:00Z'), at('2026-03-28T12:00:00Z'))).toEqual(
      at('2026-03-28T08:00:00Z'),
    );
    expect(dueSlot(BERLIN_9, at('2026-03-28T08:00:00Z'), at('2026-03-29T12:00:00Z'))).toEqual(
      at('2026-03-29T07:00:00Z'),
    );
  });

  it('for a weekly schedule is the latest Monday', () => {
    const weekly = { ...DEFAULT_SCHEDULE, every: 'week' } as const;
    // 2026-12-02 is a Wednesday; the Monday before is 2026-11-30.
    expect(dueSlot(weekly, at('2026-11-20T00:00:00Z'), at('2026-12-02T00:00:00Z'))).toEqual(at('2026-11-30T09:00:00Z'));
  });

  it('is never due while the schedule took effect after the latest slot', () => {
    // Watching at 10:00 does not fire the 09:00 slot of the same day.
    expect(dueSlot(DEFAULT_SCHEDULE, at('2026-11-30T10:00:00Z'), at('2026-11-30T23:00:00Z'))).toBeNull();
  });

  it('is null when digests are off', () => {
    expect(dueSlot({ every: 'off' }, at('2020-01-01T00:00:00Z'), at('2026-11-30T12:00:00Z'))).toBeNull();
  });
});

describe('nextSlot', () => {
  it("is the next slot in the schedule's time zone, or null when off", () => {
    expect(nextSlot(BERLIN_9, at('2026-11-30T08:00:00Z'))).toEqual(at('2026-12-01T08:00:00Z'));
    expect(nextSlot({ every: 'off' }, at('2026-11-30T08:00:00Z'))).toBeNull();
  });
});
