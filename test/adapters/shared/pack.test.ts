import { describe, expect, it } from 'vitest';
import { packItems } from '../../../adapters/shared/pack.js';

const WIDE = { group: 100, groups: 10, message: 1000 };

describe('packItems', () => {
  it('joins items into one group while they fit, and returns nothing for no items', () => {
    expect(packItems(['a', 'b', 'c'], WIDE)).toEqual([[['a', 'b', 'c']]]);
    expect(packItems([], WIDE)).toEqual([]);
  });

  it('counts the newline between items of a group', () => {
    expect(packItems(['aaa', 'bbb'], { ...WIDE, group: 7 })).toEqual([[['aaa', 'bbb']]]);
    expect(packItems(['aaa', 'bbb'], { ...WIDE, group: 6 })).toEqual([[['aaa'], ['bbb']]]);
  });

  it('starts a new message once the groups of one are used', () => {
    expect(packItems(['aaa', 'bbb', 'ccc'], { group: 3, groups: 2, message: 100 })).toEqual([
      [['aaa'], ['bbb']],
      [['ccc']],
    ]);
  });

  it('starts a new message once its characters are used, no separator between groups counted', () => {
    expect(packItems(['aaa', 'bbb', 'ccc'], { group: 3, groups: 10, message: 6 })).toEqual([
      [['aaa'], ['bbb']],
      [['ccc']],
    ]);
  });

  it('gives the first message its own room', () => {
    expect(packItems(['aaa', 'bbb', 'ccc', 'ddd'], { group: 3, groups: 10, message: 6, firstMessage: 3 })).toEqual([
      [['aaa']],
      [['bbb'], ['ccc']],
      [['ddd']],
    ]);
  });

  it('never splits an item, and gives one over the limits a group and a message of its own', () => {
    const long = 'x'.repeat(20);
    expect(packItems(['a', long, 'b'], { group: 5, groups: 10, message: 10 })).toEqual([[['a']], [[long]], [['b']]]);
  });
});
