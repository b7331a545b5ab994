/**
 * Remote bytes (DNS, HTTP, certificates) must never drive the terminal: C0/C1 controls, DEL and the bidi overrides
 * that can reorder what a reader sees are shown as visible escapes instead. Tabs and newlines are escaped too,
 * because a remote value is always shown on one line.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f]/g;

export function sanitizeTerminal(text: string): string {
  return text.replace(UNSAFE, (ch) => `\\u{${ch.codePointAt(0)!.toString(16)}}`);
}
