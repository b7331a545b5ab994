import { escapeUnsafe } from '../text/escape-unsafe.js';

const MAX_SHOWN = 64;

/** A remote value quoted for a human-readable reason: unsafe characters escaped, long values cut short. */
export function quoteValue(value: string): string {
  const chars = Array.from(value);
  const shown = chars.length > MAX_SHOWN ? `${chars.slice(0, MAX_SHOWN).join('')}…` : value;
  return `"${escapeUnsafe(shown.replace(/["\\]/g, (c) => `\\${c}`))}"`;
}
