import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../adapters/slack/limits.js';
import { packSections } from '../../../adapters/slack/pack.js';

const ROOM = { text: 8000, blocks: 45 };

describe('packSections', () => {
  it('joins items into one section while they fit', () => {
    expect(packSections(['a', 'b', 'c'], ROOM)).toEqual([[['a', 'b', 'c']]]);
  });

  it('returns no messages for no items', () => {
    expect(packSections([], ROOM)).toEqual([]);
  });

  it('starts a new section rather than let one pass 3000 characters (newlines counted)', () => {
    const item = 'x'.repeat(1000);
    const [message] = packSections([item, item, item, item], ROOM);
    expect(message).toEqual([
      [item, item],
      [item, item],
    ]);
    expect(message!.every((section) => section.join('\n').length <= LIMITS.sectionText)).toBe(true);
  });

  it('fills a section exactly to 3000 characters', () => {
    const item = 'x'.repeat(1499);
    expect(packSections([item, item], ROOM)).toEqual([[[item, item]]]);
  });

  it('starts a new message once the text room is used, keeping every item whole and in order', () => {
    const items = Array.from({ length: 30 }, (_, i) => `${i}`.padEnd(700, '.'));
    const messages = packSections(items, { text: 2500, blocks: 45 });
    expect(messages.flat(2)).toEqual(items);
    for (const message of messages) {
      expect(message.reduce((sum, section) => sum + section.join('\n').length, 0)).toBeLessThanOrEqual(2500);
    }
    expect(messages).toHaveLength(10);
  });

  it('starts a new message once the block room is used', () => {
    const items = Array.from({ length: 7 }, () => 'y'.repeat(2000));
    const messages = packSections(items, { text: 100_000, blocks: 3 });
    expect(messages.map((message) => message.length)).toEqual([3, 3, 1]);
  });
});
