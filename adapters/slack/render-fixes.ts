import type { FixBlock, ReportMessage } from '../../src/chat/chat-message.js';
import { chunkCode } from '../shared/chunk-code.js';
import { escapeCodeBlock, escapeMrkdwn, escapeMrkdwnProse } from './escape.js';
import { fitText } from './fit-text.js';
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
  return { text: fitText(intro, BLOCK_LIMITS.fallbackText), blocks };
}

function renderFix(fix: FixBlock): SlackBlock[] {
  const blocks = [section(`*${escapeMrkdwn(fix.title)}*\n${escapeMrkdwnProse(fix.text)}`)];
  if (fix.code === undefined || fix.code === '') return blocks;
  const chunks = chunkCode(escapeCodeBlock(fix.code), CODE_CHUNK_MAX, 'entities');
  for (const chunk of chunks.slice(0, CODE_SECTIONS_PER_FIX)) blocks.push(section(`${FENCE}\n${chunk}\n${FENCE}`));
  if (chunks.length > CODE_SECTIONS_PER_FIX) {
    blocks.push(context(`+${chunks.length - CODE_SECTIONS_PER_FIX} more parts not shown`));
  }
  return blocks;
}
