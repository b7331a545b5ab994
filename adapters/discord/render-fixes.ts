import type { FixBlock } from '../../src/chat/chat-message.js';
import { escapeCodeBlockContent } from './escape.js';
import { fitEscaped, fitEscapedProse, fitText } from './fit-text.js';
import { LIMITS } from './limits.js';
import { packMessages } from './pack.js';

const FENCE = '```';
const TITLE_MAX = 256;
const TEXT_MAX = 1500;
/** Room for the fences and their newlines around a chunk of code. */
const CODE_CHUNK_MAX = LIMITS.content - (FENCE.length + 1) * 2;
/** Enough for every fix of a real deployment; a hostile one cannot flood the channel. */
const MAX_MESSAGES = 10;

/**
 * The fixes as message contents, each within Discord's 2000-character limit: a bold title, the sentence, and the
 * block to paste in a ``` code block. A block too long for one message is split at line boundaries, each part
 * fenced on its own, so every message renders (and pastes) on its own. At most MAX_MESSAGES are returned, the last
 * one saying how many more there were.
 */
export function renderFixes(fixes: readonly FixBlock[]): string[] {
  const units: string[] = [];
  for (const fix of fixes) {
    const heading = `**${fitEscaped(fix.title, TITLE_MAX)}**`;
    units.push(fix.text ? `${heading}\n${fitEscapedProse(fix.text, TEXT_MAX)}` : heading);
    if (fix.code)
      units.push(...codeChunks(escapeCodeBlockContent(fix.code)).map((chunk) => `${FENCE}\n${chunk}\n${FENCE}`));
  }
  const messages = packMessages(units).map((group) => group.join('\n'));
  if (messages.length <= MAX_MESSAGES) return messages;
  const left = messages.length - (MAX_MESSAGES - 1);
  return [
    ...messages.slice(0, MAX_MESSAGES - 1),
    `+${left} more messages of fixes not shown, to keep the channel readable.`,
  ];
}

export function fixesThreadName(domain: string): string {
  return fitText(`MTA-STS fixes for ${domain}`.replace(/\s+/g, ' '), LIMITS.threadName);
}

function codeChunks(code: string): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of code.replace(/\n+$/, '').split('\n')) {
    for (const piece of linePieces(line)) {
      const joined = current === '' ? piece : `${current}\n${piece}`;
      if (joined.length <= CODE_CHUNK_MAX) {
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

/** A line longer than a message is cut into pieces (never inside a surrogate pair); there is no better break. */
function linePieces(line: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  while (line.length - start > CODE_CHUNK_MAX) {
    let end = start + CODE_CHUNK_MAX;
    if (/[\ud800-\udbff]/.test(line.charAt(end - 1))) end -= 1;
    pieces.push(line.slice(start, end));
    start = end;
  }
  pieces.push(line.slice(start));
  return pieces;
}
