import type { DigestMessage } from '../../src/chat/digest-message.js';
import { digestLineText, foldedLineText } from './digest-line-text.js';
import { escapeText } from './escape.js';
import { fitText } from './fit-text.js';
import { LIMITS, type SlackBlock, type SlackPayload } from './limits.js';
import { type MessageRoom, packSections } from './pack.js';
import { toneEmoji } from './palette.js';
import { context, section } from './render-report.js';

const INTRO_MAX = 500;
const LABEL_MAX = 300;

/**
 * What packed lines may use of each message. The rest is kept for the header, intro and part label, and for the
 * invite hint added when the answer has to go through response_url.
 */
export const DIGEST_ROOM: MessageRoom = {
  text: LIMITS.messageText - 1200,
  blocks: LIMITS.blocksPerMessage - 5,
};

/**
 * The channel messages of a digest: the first with the counts in its header and the intro, then one line per
 * domain shown in full in the core's order, then one line per fold of unchanged healthy domains. Lines that do not
 * fit one message continue in the next ("part 2/3"), never cut.
 */
export function renderDigest(message: DigestMessage): SlackPayload[] {
  const headline = `${toneEmoji(message.tone)} ${escapeText(message.headline)}`;
  const items = [...message.lines.map(digestLineText), ...(message.folded ?? []).map(foldedLineText)];
  const packed = packSections(items, DIGEST_ROOM);
  const parts = packed.length === 0 ? [[]] : packed;
  return parts.map((sections, i) => {
    const part = `part ${i + 1}/${parts.length}`;
    const blocks: SlackBlock[] = [];
    if (i === 0) {
      blocks.push({
        type: 'header',
        text: { type: 'plain_text', text: fitText(headline, LIMITS.headerText), emoji: true },
      });
      if (message.intro !== '') blocks.push(section(fitText(escapeText(message.intro), INTRO_MAX)));
      if (parts.length > 1) blocks.push(context(`Part 1/${parts.length}`));
    } else {
      blocks.push(context(fitText(`${headline} · ${part}`, LABEL_MAX)));
    }
    blocks.push(...sections.map((items) => section(items.join('\n'))));
    const text = parts.length === 1 ? headline : `${headline} (${part})`;
    return { text: fitText(text, LIMITS.fallbackText), blocks };
  });
}
