const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A moment for people, in UTC: "2 Dec 21:59 UTC", with the year when it is not the year of `now`
 * ("2 Dec 2027 21:59 UTC"). An unreadable date is returned as it is.
 */
export function formatDate(at: string | number | Date, now: number | Date): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return String(at);
  const year = date.getUTCFullYear() === new Date(now).getUTCFullYear() ? '' : ` ${date.getUTCFullYear()}`;
  const time = `${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')}`;
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}${year} ${time} UTC`;
}
