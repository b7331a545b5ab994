import type { ParseResult } from '../parsers/parse-result.js';
import type { DigestSchedule } from '../store/watch-store.js';

export type ActiveSchedule = Exclude<DigestSchedule, { every: 'off' }>;

/** What a channel gets once it watches a domain and has not chosen otherwise. */
export const DEFAULT_SCHEDULE: ActiveSchedule = { every: 'day', hour: 9, minute: 0, timezone: 'UTC' };

export const SCHEDULE_USAGE =
  'Use daily, weekly (Mondays), off or HH:MM, optionally followed by a time zone, e.g. "08:30 Europe/Berlin".';

const MAX_LENGTH = 100;
const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;
// IANA names only: Intl also takes offsets like "+01:00" on newer runtimes, which croner does not.
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

/** `daily|weekly [HH:MM] [tz]`, `HH:MM [tz]` (daily) or `off`; the time zone defaults to UTC. */
export function parseDigestSchedule(text: string): ParseResult<DigestSchedule> {
  if (text.length > MAX_LENGTH) return invalid('that is far too long for a schedule');
  const words = text
    .trim()
    .split(/\s+/)
    .filter((word) => word !== '');
  const first = words.shift()?.toLowerCase();
  if (first === undefined) return invalid('no schedule given');
  if (first === 'off')
    return words.length === 0 ? { ok: true, value: { every: 'off' } } : invalid('"off" takes nothing after it');

  let every: ActiveSchedule['every'] = 'day';
  let time: RegExpExecArray | null = null;
  if (first === 'daily' || first === 'weekly') {
    every = first === 'daily' ? 'day' : 'week';
    time = TIME.exec(words[0] ?? '');
    if (time) words.shift();
  } else {
    time = TIME.exec(first);
    if (!time) return invalid(`"${first.slice(0, 20)}" is not a schedule`);
  }

  if (words.length > 1) return invalid('too many words: give at most one time and one time zone');
  const timezone = ianaTimeZone(words[0] ?? 'UTC');
  if (timezone === null) {
    return invalid(
      `unknown time zone "${words[0]!.slice(0, 40)}": give an IANA name such as Europe/Berlin, America/New_York or UTC`,
    );
  }
  const [hour, minute] = time ? [Number(time[1]), Number(time[2])] : [DEFAULT_SCHEDULE.hour, DEFAULT_SCHEDULE.minute];
  return { ok: true, value: { every, hour, minute, timezone } };
}

/** The croner pattern of a schedule: minute hour day-of-month month day-of-week (1 = Monday). */
export function cronPattern({ every, hour, minute }: ActiveSchedule): string {
  return `${minute} ${hour} * * ${every === 'week' ? 1 : '*'}`;
}

/** For people: "daily at 09:00 UTC", "weekly on Mondays at 08:30 Europe/Berlin", "off". */
export function describeSchedule(schedule: DigestSchedule): string {
  if (schedule.every === 'off') return 'off';
  const time = `${String(schedule.hour).padStart(2, '0')}:${String(schedule.minute).padStart(2, '0')}`;
  return `${schedule.every === 'day' ? 'daily' : 'weekly on Mondays'} at ${time} ${schedule.timezone}`;
}

/** The runtime's canonical spelling of a time zone name, or null when it knows no such zone. */
function ianaTimeZone(name: string): string | null {
  if (!ZONE_NAME.test(name)) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

function invalid(reason: string): ParseResult<DigestSchedule> {
  return { ok: false, reason: `${reason}. ${SCHEDULE_USAGE}` };
}
