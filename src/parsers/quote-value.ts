import { escapeUnsafe } from '../text/escape-unsafe.js';
import { inlineCode } from '../text/inline-code.js';

const MAX_SHOWN = 64;

/** A remote value quoted for a human-readable reason: unsafe characters escaped, long values cut short. */
export function quoteValue(value: string): string {
  return `"${escapeUnsafe(clipped(value).replace(/["\\]/g, (c) => `\\${c}`))}"`;
}

/** A remote value as inline code for a finding's detail: unsafe characters escaped, long values cut short. */
export function codeValue(value: string): string {
  return inlineCode(escapeUnsafe(clipped(value)));
}

function clipped(value: string): string {
  const chars = Array.from(value);
  return chars.length > MAX_SHOWN ? `${chars.slice(0, MAX_SHOWN).join('')}…` : value;
}
