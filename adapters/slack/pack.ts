import { BLOCK_LIMITS } from './limits.js';

/** What one message leaves for packed items: characters of text (all sections together) and section blocks. */
export interface MessageRoom {
  text: number;
  blocks: number;
}

/**
 * Packs whole items (escaped mrkdwn lines) into sections of at most BLOCK_LIMITS.sectionText characters, items
 * joined by newlines, and the sections into messages within `room`, keeping their order. An item is never split,
 * so the caller bounds each one to fit a section and the room.
 * @returns messages → sections → items
 */
export function packItems(items: string[], room: MessageRoom): string[][][] {
  const messages: string[][][] = [];
  let sections: string[][] = [];
  let section: string[] = [];
  let sectionLength = 0;
  let closedLength = 0; // text of this message's sections before the open one

  for (const item of items) {
    const joined = sectionLength + 1 + item.length;
    if (section.length > 0 && joined <= BLOCK_LIMITS.sectionText && closedLength + joined <= room.text) {
      section.push(item);
      sectionLength = joined;
      continue;
    }
    if (section.length > 0) {
      sections.push(section);
      closedLength += sectionLength;
    }
    if (sections.length > 0 && (sections.length + 1 > room.blocks || closedLength + item.length > room.text)) {
      messages.push(sections);
      sections = [];
      closedLength = 0;
    }
    section = [item];
    sectionLength = item.length;
  }
  if (section.length > 0) sections.push(section);
  if (sections.length > 0) messages.push(sections);
  return messages;
}
