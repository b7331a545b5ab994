import { Cron } from 'croner';
import type { DigestSchedule } from '../store/watch-store.js';
import { type ActiveSchedule, cronPattern } from './digest-schedule.js';

/**
 * The slot due now: the latest slot of the schedule in (after, now], or null. `after` is the later of the last
 * claimed slot and the time the schedule took effect; however long the bot was down, that is one slot.
 */
export function dueSlot(schedule: DigestSchedule, after: Date, now: Date): Date | null {
  if (schedule.every === 'off') return null;
  // previousRuns leaves out a run exactly at the reference; one millisecond later, a slot at `now` counts.
  const [latest] = cronOf(schedule).previousRuns(1, new Date(now.getTime() + 1));
  return latest !== undefined && latest.getTime() > after.getTime() ? latest : null;
}

/** The first slot after `now`, or null when digests are off. */
export function nextSlot(schedule: DigestSchedule, now: Date): Date | null {
  return schedule.every === 'off' ? null : cronOf(schedule).nextRun(now);
}

// Without a callback croner starts no timer: this only computes dates, in the schedule's time zone.
function cronOf(schedule: ActiveSchedule): Cron {
  return new Cron(cronPattern(schedule), { timezone: schedule.timezone });
}
