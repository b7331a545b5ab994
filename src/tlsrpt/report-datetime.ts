import type { Result } from '../result.js';

// RFC 3339 date-time; seconds and the zone may be left out (a missing zone is read as UTC, with a warning).
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?$/;

/** Epoch ms, and whether the text gave no zone (read as UTC). A failure needs no reason: the caller names the field. */
export interface ReportInstant {
  ms: number;
  withoutZone: boolean;
}

/** A report date-time as epoch ms; "24:00" is next-day midnight, as some senders write a day's end. */
export function parseReportDateTime(text: string): Result<ReportInstant> {
  const m = DATE_TIME.exec(text);
  if (!m) return { ok: false };
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const fraction = m[7] ?? '';
  const offsetMinutes = m[9] ? (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11])) : 0;
  const endOfDay = hour === 24 && minute === 0 && second === 0 && !/[1-9]/.test(fraction);
  const valid =
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    (hour <= 23 || endOfDay) &&
    minute <= 59 &&
    second <= 60 &&
    Number(m[10] ?? 0) <= 23 &&
    Number(m[11] ?? 0) <= 59;
  if (!valid) return { ok: false };
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, Number(fraction.padEnd(3, '0').slice(0, 3)));
  return { ok: true, value: { ms: date.getTime() - offsetMinutes * 60_000, withoutZone: !m[8] && !m[9] } };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(2000, month, 0)).getUTCDate() - (month === 2 && !isLeap(year) ? 1 : 0);
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
