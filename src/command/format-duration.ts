const UNITS: Array<[string, number]> = [
  ['days', 86_400_000],
  ['h', 3_600_000],
  ['min', 60_000],
  ['s', 1000],
];

/** A duration for people, whole seconds rounded up: the largest unit and the next one if non-zero ("4 min 12 s", "7 days"). */
export function formatDuration(ms: number): string {
  let rest = Math.max(0, Math.ceil(ms / 1000)) * 1000;
  const parts: string[] = [];
  for (const [unit, size] of UNITS) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0 && parts.length < 2) parts.push(unit === 'days' && count === 1 ? '1 day' : `${count} ${unit}`);
    else if (parts.length > 0) break;
  }
  return parts.length > 0 ? parts.join(' ') : '0 s';
}
