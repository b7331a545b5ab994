import type { FixBlock, ReportMessage } from '../../src/chat/chat-message.js';
import { escapeCodeBlock, escapeMrkdwn, escapeMrkdwnProse } from './escape.js';
import { cutText } from './fit-text.js';
import { BLOCK_LIMITS, messageTextLength, type SlackBlock, type SlackPayload } from './limits.js';
import { context, section } from './render-report.js';

const FENCE = '```';
/** A section holding one code chunk: the chunk plus "```\n" and "\n```". */
const CODE_CHUNK_MAX = BLOCK_LIMITS.sectionText - 2 * (FENCE.length + 1);
/** Room kept for the closing "+N more" line, which names the full list and so holds the domain. */
const RESERVED_FOR_MORE = 600;

/**
 * The threaded reply: the fixes in order, each with its paste-ready block, within the same total budget as the
 * channel message (characters of all blocks together and the block count); what does not fit is counted in a
 * "+N more" line that points to the full list in the CLI's JSON.
 */
export function renderFixes(message: ReportMessage): SlackPayload {
  const intro = `How to fix ${escapeMrkdwn(message.domain)}`;
  const blocks: SlackBlock[] = [section(`*${intro}*`)];
  const room = { text: BLOCK_LIMITS.messageText - RESERVED_FOR_MORE, blocks: BLOCK_LIMITS.blocksPerMessage - 1 };
  let used = messageTextLength({ text: '', blocks });
  let shown = 0;
  let cut = false;
  for (const fix of message.fixes) {
    const fixBlocks = renderFix(fix);
    const fits = fixBlocks.filter((_, i) => {
      const size = messageTextLength({ text: '', blocks: fixBlocks.slice(0, i + 1) });
      return used + size <= room.text && blocks.length + i + 1 <= room.blocks;
    });
    if (fits.length === 0) break;
    blocks.push(...fits);
    used += messageTextLength({ text: '', blocks: fits });
    shown += 1;
    if (fits.length < fixBlocks.length) {
      cut = true;
      break;
    }
  }
  const more = message.fixes.length - shown;
  if (more > 0 || cut) blocks.push(context(moreLine(more, cut, message.domain)));
  return { text: cutText(intro, BLOCK_LIMITS.fallbackText), blocks };
}

function moreLine(more: number, cut: boolean, domain: string): string {
  const counted = [cut ? 'the last fix is cut short' : null, more > 0 ? `+${more} more fixes` : null];
  const list = `\`mtasts scan --json ${escapeCodeBlock(domain)}\``;
  return `${counted.filter((part) => part !== null).join('; ')}: the full list is in ${list}`;
}

function renderFix(fix: FixBlock): SlackBlock[] {
  const blocks = [section(`*${escapeMrkdwnProse(fix.title)}*\n${escapeMrkdwnProse(fix.text)}`)];
  if (fix.code === undefined || fix.code === '') return blocks;
  const chunks = chunkLines(escapeCodeBlock(fix.code.replace(/\n+$/, '')), CODE_CHUNK_MAX);
  for (const chunk of chunks) blocks.push(section(`${FENCE}\n${chunk}\n${FENCE}`));
  return blocks;
}

/** Packs lines into chunks of at most `max` characters; an over-long line is split, never inside an entity. */
export function chunkLines(text: string, max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of text.split('\n').flatMap((l) => splitLong(l, max))) {
    if (current !== '' && current.length + 1 + line.length > max) {
      chunks.push(current);
      current = line;
    } else {
      current = current === '' ? line : `${current}\n${line}`;
    }
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

function splitLong(line: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = line;
  while (rest.length > max) {
    let cut = max;
    const entity = rest.lastIndexOf('&', cut - 1);
    if (entity > cut - 5 && !rest.slice(entity, cut).includes(';')) cut = entity;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  pieces.push(rest);
  return pieces;
}
