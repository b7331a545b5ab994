import { escapeUnsafe } from '../../src/text/escape-unsafe.js';

/** Text split on its line breaks (a trailing one dropped), each line made safe for the terminal. */
export function safeLines(text: string): string[] {
  return text
    .replace(/\r?\n$/, '')
    .split(/\r?\n/)
    .map(escapeUnsafe);
}
