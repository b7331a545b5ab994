import type { FixBlock, ReportMessage } from '../../src/chat/chat-message.js';
import { inlineCode } from '../../src/text/inline-code.js';
import { chunkCode } from '../shared/chunk-code.js';
import { fixesWithinBudget, moreFixesLine } from '../shared/fixes-within-budget.js';
import { escapeCode } from './escape.js';
import { fitEscapedProse, fitText } from './fit-text.js';
import { LIMITS } from './limits.js';
import { packMessages } from './pack.js';

const FENCE = '```';
const TITLE_MAX = 256;
const TEXT_MAX = 1500;
/** Room for the fences and their newlines around a chunk of code. */
const CODE_CHUNK_MAX = LIMITS.content - (FENCE.length + 1) * 2;
/** Room kept for the closing "+N more" line, which names the full list and so holds the domain. */
const RESERVED_FOR_MORE = 400;

/**
 * The fixes as message contents, each within Discord's 2000-character limit: a bold title, the sentence, and the
 * block to paste in a ``` code block. A block too long for one message is split at line boundaries, each part
 * fenced on its own, so every message renders (and pastes) on its own. All messages together stay within the
 * channel message's budget (an embed's 6000 characters); what does not fit is counted in a "+N more" line that
 * points to the full list in the CLI's JSON.
 */
export function renderFixes({ fixes, domain }: ReportMessage): string[] {
  const budget = LIMITS.embedTotal - RESERVED_FOR_MORE;
  let used = 0;
  const { parts, more, cut } = fixesWithinBudget(fixes.map(renderFix), (unit) => {
    if (used + unit.length + 1 > budget) return false;
    used += unit.length + 1;
    return true;
  });
  const fullList = inlineCode(`mtasts scan --json ${fitText(domain, 300)}`);
  if (more > 0 || cut) parts.push(moreFixesLine(more, cut, fullList));
  return packMessages(parts).map((group) => group.join('\n'));
}

function renderFix(fix: FixBlock): string[] {
  const heading = `**${fitEscapedProse(fix.title, TITLE_MAX)}**`;
  const units = [fix.text ? `${heading}\n${fitEscapedProse(fix.text, TEXT_MAX)}` : heading];
  if (fix.code)
    units.push(
      ...chunkCode(escapeCode(fix.code), CODE_CHUNK_MAX, 'none').map((chunk) => `${FENCE}\n${chunk}\n${FENCE}`),
    );
  return units;
}

export function fixesThreadName(domain: string): string {
  return fitText(`MTA-STS fixes for ${domain}`.replace(/\s+/g, ' '), LIMITS.threadName);
}
