import type { FixBlock, ReportMessage } from '../../src/chat/chat-message.js';
import { escapeCodeBlock, escapeMrkdwn, escapeMrkdwnProse } from './escape.js';
import { cutText } from './fit-text.js';
import { BLOCK_LIMITS, type SlackBlock, type SlackPayload } from './limits.js';
import { context, section } from './render-report.js';

const FENCE = '```';
/** A section holding one code chunk: the chunk plus "```\n" and "\n```". */
const CODE_CHUNK_MAX = BLOCK_LIMITS.sectionText - 2 * (FENCE.length + 1);
/** A policy is at most 64 KiB; ten chunks cover any sane one and keep room for the other fixes. */
const CODE_SECTIONS_PER_FIX = 10;

/** The threaded reply: every fix with its paste-ready block, cut with "+N more" to fit one message. */
export function renderFixes(message: ReportMessage): SlackPayload {
  const intro = `How to fix ${escapeMrkdwn(message.domain)}`;
  const blocks: SlackBlock[] = [section(`*${intro}*`)];
  const budget = BLOCK_LIMITS.blocksPerMessage - 1; // one left for "+N more fixes"
  let shown = 0;
  for (const fix of message.fixes) {
    const fixBlocks = renderFix(fix);
    if (blocks.length + fixBlocks.length > budget) break;
    blocks.push(...fixBlocks);
    shown += 1;
  }
  const more = message.fixes.length - shown;
  if (more > 0) blocks.push(context(`+${more} more fixes`));
  return { text: cutText(intro, BLOCK_LIMITS.fallbackText), blocks };
}

function renderFix(fix: FixBlock): SlackBlock[] {
  const blocks = [section(`*${escapeMrkdwn(fix.title)}*\n${escapeMrkdwnProse(fix.text)}`)];
  if (fix.code === undefined || fix.code === '') return blocks;
  const chunks = chunkLines(escapeCodeBlock(fix.code), CODE_CHUNK_MAX);
  for (const chunk of chunks.slice(0, CODE_SECTIONS_PER_FIX)) blocks.push(section(`${FENCE}\n${chunk}\n${FENCE}`));
  if (chunks.length > CODE_SECTIONS_PER_FIX) {
    blocks.push(context(`+${chunks.length - CODE_SECTIONS_PER_FIX} more parts not shown`));
  }
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
