import type { FixBlock, ReportMessage } from '../../src/chat/chat-message.js';
import { chunkCode } from '../shared/chunk-code.js';
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
  return { text: fitText(intro, LIMITS.fallbackText), blocks };
}

function moreLine(more: number, cut: boolean, domain: string): string {
  const counted = [cut ? 'the last fix is cut short' : null, more > 0 ? `+${more} more fixes` : null];
  const list = `\`mtasts scan --json ${escapeCode(domain)}\``;
  return `${counted.filter((part) => part !== null).join('; ')}: the full list is in ${list}`;
}

function renderFix(fix: FixBlock): SlackBlock[] {
  const blocks = [section(`*${escapeProse(fix.title)}*\n${escapeProse(fix.text)}`)];
  if (fix.code === undefined || fix.code === '') return blocks;
  const chunks = chunkCode(escapeCode(fix.code), CODE_CHUNK_MAX, 'entities');
  for (const chunk of chunks) blocks.push(section(`${FENCE}\n${chunk}\n${FENCE}`));
  return blocks;
}
