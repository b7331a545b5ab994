import { packItems } from '../shared/pack.js';
import { LIMITS } from './limits.js';

/**
 * Greedily groups units into as few messages as fit in `max` characters once joined by newlines, keeping each
 * unit whole. Returns the groups, so a caller can tell which units each message holds.
 */
export function packMessages(units: readonly string[], max: number = LIMITS.content): string[][] {
  return packItems(units, { group: max, groups: 1, message: max }).map(([group]) => group!);
}

/** What one message's embeds leave for packed units: the rest is the titles and a footer. */
export interface EmbedRoom {
  /** Characters the first message's title and footer take; it may carry a longer title than the rest. */
  first: number;
  /** Characters every further message's title and footer take. */
  rest: number;
}

/**
 * Groups whole units into embed descriptions, and embeds into messages within the 4096-character description,
 * 10-embed and 6000-character limits, less what `room` keeps for titles and footers.
 * @returns messages → embeds → units; none for no units
 */
export function packEmbeds(units: readonly string[], room: EmbedRoom): string[][][] {
  return packItems(units, {
    group: LIMITS.description,
    groups: LIMITS.embeds,
    firstMessage: LIMITS.embedTotal - room.first,
    message: LIMITS.embedTotal - room.rest,
  });
}
