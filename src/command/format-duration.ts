const DAY_MS = 86_400_000;
const UNITS: Array<[string, number]> = [
  ['days', DAY_MS],
  ['h', 3_600_000],
  ['min', 60_000],
  ['s', 1000],
];

/**
 * A duration for people, whole seconds rounded up: the largest unit and the next one if non-zero ("4 min 12 s",
 * "1 day 3 h"); from two days on, whole days only ("31 days"): hours beside them are noise.
 */
export function formatDuration(ms: number): string {
  let rest = Math.max(0, Math.ceil(ms / 1000)) * 1000;
  if (rest >= 2 * DAY_MS) return `${Math.floor(rest / DAY_MS)} days`;
  const parts: string[] = [];
  for (const [unit, size] of UNITS) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0 && parts.length < 2) parts.push(unit === 'days' && count === 1 ? '1 day' : `${count} ${unit}`);
    else if (parts.length > 0) break;
  }
  return parts.length > 0 ? parts.join(' ') : '0 s';
}
