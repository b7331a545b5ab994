import type { FixBlock, ReportMessage } from '../../src/chat/chat-message.js';
import { chunkCode } from '../shared/chunk-code.js';
import { fixesWithinBudget, moreFixesLine } from '../shared/fixes-within-budget.js';
import { escapeCode, escapeProse, escapeText } from './escape.js';
import { fitText } from './fit-text.js';
import { LIMITS, messageTextLength, type SlackBlock, type SlackPayload } from './limits.js';
import { context, section } from './render-report.js';

const FENCE = '```';
/** A section holding one code chunk: the chunk plus "```\n" and "\n```". */
const CODE_CHUNK_MAX = LIMITS.sectionText - 2 * (FENCE.length + 1);
/** Room kept for the closing "+N more" line, which names the full list and so holds the domain. */
const RESERVED_FOR_MORE = 600;

/**
 * The threaded reply: the fixes in order, each with its paste-ready block, within the same total budget as the
 * channel message (characters of all blocks together and the block count); what does not fit is counted in a
 * "+N more" line that points to the full list in the CLI's JSON.
 */
export function renderFixes(message: ReportMessage): SlackPayload {
  const intro = `How to fix ${escapeText(message.domain)}`;
  const blocks: SlackBlock[] = [section(`*${intro}*`)];
  const room = { text: LIMITS.messageText - RESERVED_FOR_MORE, blocks: LIMITS.blocksPerMessage - 1 };
  let used = messageTextLength({ text: '', blocks });
  let count = blocks.length;
  const { parts, more, cut } = fixesWithinBudget(message.fixes.map(renderFix), (block) => {
    const size = messageTextLength({ text: '', blocks: [block] });
    if (used + size > room.text || count + 1 > room.blocks) return false;
    used += size;
    count += 1;
    return true;
  });
  blocks.push(...parts);
  const fullList = `\`mtasts scan --json ${escapeCode(message.domain)}\``;
  if (more > 0 || cut) blocks.push(context(moreFixesLine(more, cut, fullList)));
  return { text: fitText(intro, LIMITS.fallbackText), blocks };
}

function renderFix(fix: FixBlock): SlackBlock[] {
  const blocks = [section(`*${escapeProse(fix.title)}*\n${escapeProse(fix.text)}`)];
  if (fix.code === undefined || fix.code === '') return blocks;
  const chunks = chunkCode(escapeCode(fix.code), CODE_CHUNK_MAX, 'entities');
  for (const chunk of chunks) blocks.push(section(`${FENCE}\n${chunk}\n${FENCE}`));
  return blocks;
}
