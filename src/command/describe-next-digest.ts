import { nextSlot } from '../digest/digest-due.js';
import type { DigestSchedule } from '../store/watch-store.js';
import { formatDuration } from './format-duration.js';

/** "next digest Mon 2 Mar 09:00 Europe/Berlin (in 14 h 30 min)", read in the schedule's own time zone. */
export function describeNextDigest(schedule: DigestSchedule, now: Date): string {
  const slot = nextSlot(schedule, now);
  if (slot === null || schedule.every === 'off') return 'digests are off here ("digest daily" turns them on)';
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: schedule.timezone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(slot)
      .map((part) => [part.type, part.value]),
  );
  const when = `${parts['weekday']} ${parts['day']} ${parts['month']} ${parts['hour']}:${parts['minute']} ${schedule.timezone}`;
  return `next digest ${when} (in ${formatDuration(slot.getTime() - now.getTime())})`;
}
