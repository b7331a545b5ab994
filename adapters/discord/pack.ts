import { LIMITS } from './limits.js';

/**
 * Greedily groups units into as few messages as fit in `max` characters once joined by newlines, keeping each
 * unit whole. Returns the groups, so a caller can tell which units each message holds.
 */
export function packMessages(units: readonly string[], max: number = LIMITS.content): string[][] {
  const groups: string[][] = [];
  let current: string[] = [];
  let length = 0;
  for (const unit of units) {
    const joined = current.length === 0 ? unit.length : length + 1 + unit.length;
    if (joined <= max || current.length === 0) {
      current.push(unit);
      length = joined;
    } else {
      groups.push(current);
      current = [unit];
      length = unit.length;
    }
  }
  if (current.length > 0) groups.push(current);
  return groups;
}
