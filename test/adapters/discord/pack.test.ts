import { describe, expect, it } from 'vitest';
import { packEmbeds, packMessages } from '../../../adapters/discord/pack.js';

describe('packMessages', () => {
  it('joins units into as few groups as fit the limit once joined by newlines', () => {
    expect(packMessages(['aaa', 'bb', 'c', 'dddd'], 6)).toEqual([
      ['aaa', 'bb'],
      ['c', 'dddd'],
    ]);
  });

  it('counts the newline between units', () => {
    expect(packMessages(['aaa', 'bbb'], 7)).toEqual([['aaa', 'bbb']]);
    expect(packMessages(['aaa', 'bbb'], 6)).toEqual([['aaa'], ['bbb']]);
  });

  it('never splits a unit, and gives a unit over the limit a group of its own', () => {
    expect(packMessages(['a', 'x'.repeat(10), 'b'], 5)).toEqual([['a'], ['x'.repeat(10)], ['b']]);
  });

  it('returns no groups for no units, and packs to 2000 characters by default', () => {
    expect(packMessages([])).toEqual([]);
    expect(packMessages(['x'.repeat(1000), 'y'.repeat(999), 'z'])).toEqual([
      ['x'.repeat(1000), 'y'.repeat(999)],
      ['z'],
    ]);
  });
});

describe('packEmbeds', () => {
  it('fills an embed to 4096 characters, then the next, within the 6000 a message may hold less the room kept', () => {
    const unit = 'u'.repeat(1500);
    const [first, second] = packEmbeds([unit, unit, unit, unit], { first: 100, rest: 100 });
    expect(first).toEqual([[unit, unit], [unit]]);
    expect(second).toEqual([[unit]]);
  });

  it('keeps more room in the first message when its title is longer', () => {
    const unit = 'u'.repeat(1000);
    const units = Array.from({ length: 6 }, () => unit);
    expect(packEmbeds(units, { first: 1001, rest: 0 }).map((message) => message.flat().length)).toEqual([4, 2]);
    expect(packEmbeds(units, { first: 0, rest: 0 }).map((message) => message.flat().length)).toEqual([5, 1]);
  });
});
