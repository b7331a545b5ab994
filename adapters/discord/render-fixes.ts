import type { FixBlock, ReportMessage } from '../../src/chat/chat-message.js';
import { inlineCode } from '../../src/text/inline-code.js';
import { chunkCode } from '../shared/chunk-code.js';
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
  const units: string[] = [];
  let used = 0;
  let shown = 0;
  let cut = false;
  for (const fix of fixes) {
    const fixUnits = renderFix(fix);
    let taken = 0;
    while (taken < fixUnits.length && used + fixUnits[taken]!.length + 1 <= budget)
      used += fixUnits[taken++]!.length + 1;
    if (taken === 0) break;
    units.push(...fixUnits.slice(0, taken));
    shown += 1;
    if (taken < fixUnits.length) {
      cut = true;
      break;
    }
  }
  const more = fixes.length - shown;
  if (more > 0 || cut) units.push(moreLine(more, cut, domain));
  return packMessages(units).map((group) => group.join('\n'));
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

function moreLine(more: number, cut: boolean, domain: string): string {
  const counted = [cut ? 'the last fix is cut short' : null, more > 0 ? `+${more} more fixes` : null];
  const list = inlineCode(`mtasts scan --json ${fitText(domain, 300)}`);
  return `${counted.filter((part) => part !== null).join('; ')}: the full list is in ${list}`;
}

export function fixesThreadName(domain: string): string {
  return fitText(`MTA-STS fixes for ${domain}`.replace(/\s+/g, ' '), LIMITS.threadName);
}
