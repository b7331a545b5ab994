import { packItems } from '../shared/pack.js';
import { LIMITS } from './limits.js';

/** What one message leaves for packed items: characters of text (all sections together) and section blocks. */
export interface MessageRoom {
  text: number;
  blocks: number;
}

/**
 * Packs whole items (escaped mrkdwn lines) into sections of at most LIMITS.sectionText characters, and the
 * sections into messages within `room`, keeping their order. An item is never split, so the caller bounds each
 * one to fit a section and the room.
 * @returns messages → sections → items
 */
export function packSections(items: readonly string[], room: MessageRoom): string[][][] {
  return packItems(items, { group: LIMITS.sectionText, groups: room.blocks, message: room.text });
}
