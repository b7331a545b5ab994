import type { ReportMessage } from '../../src/chat/chat-message.js';
import { chunkCode } from '../shared/chunk-code.js';
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
export function renderFixes({ fixes }: ReportMessage): string[] {
  const units: string[] = [];
  for (const fix of fixes) {
    const heading = `**${fitEscaped(fix.title, TITLE_MAX)}**`;
    units.push(fix.text ? `${heading}\n${fitEscapedProse(fix.text, TEXT_MAX)}` : heading);
    if (fix.code)
      units.push(
        ...chunkCode(escapeCodeBlockContent(fix.code), CODE_CHUNK_MAX, 'none').map(
          (chunk) => `${FENCE}\n${chunk}\n${FENCE}`,
        ),
      );
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
