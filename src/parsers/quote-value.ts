const MAX_SHOWN = 64;
// C0/C1 controls, DEL, line/paragraph separators, bidi controls, BOM and lone surrogates could rewrite or hide the
// text around them in a terminal or chat client, so they are shown as \uXXXX escapes.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]|\p{Surrogate}/gu;

/** A remote value quoted for a human-readable reason: unsafe characters escaped, long values cut short. */
export function quoteValue(value: string): string {
  const chars = Array.from(value);
  const shown = chars.length > MAX_SHOWN ? `${chars.slice(0, MAX_SHOWN).join('')}…` : value;
  const escaped = shown
    .replace(/["\\]/g, (c) => `\\${c}`)
    .replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `"${escaped}"`;
}
