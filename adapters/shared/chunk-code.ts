import { type Escapes, wholeAtEnd } from './fit-text.js';

/**
 * Splits an escaped code block into chunks of at most `max` characters, so each can be fenced on its own and still
 * render (and paste) alone: whole lines where they fit, an over-long line cut where it must be, never inside a
 * surrogate pair or an escape. Trailing newlines are dropped; a blank chunk becomes one space, as an empty fence
 * does not render. At least one chunk.
 */
export function chunkCode(code: string, max: number, escapes: Escapes): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of code.replace(/\n+$/, '').split('\n')) {
    for (const piece of linePieces(line, max, escapes)) {
      const joined = current === '' ? piece : `${current}\n${piece}`;
      if (joined.length <= max) {
        current = joined;
      } else {
        chunks.push(current);
        current = piece;
      }
    }
  }
  chunks.push(current);
  return chunks.map((chunk) => (chunk.trim() === '' ? ' ' : chunk));
}

/** A line longer than a chunk, cut into pieces; there is no better break in it. */
function linePieces(line: string, max: number, escapes: Escapes): string[] {
  const pieces: string[] = [];
  let rest = line;
  while (rest.length > max) {
    const whole = wholeAtEnd(rest.slice(0, max), escapes);
    // Only a piece of nothing but a cut escape is kept as it is: the line must move on.
    const piece = whole === '' ? rest.slice(0, max) : whole;
    pieces.push(piece);
    rest = rest.slice(piece.length);
  }
  pieces.push(rest);
  return pieces;
}
