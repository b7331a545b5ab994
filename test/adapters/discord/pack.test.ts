import { describe, expect, it } from 'vitest';
import { packMessages } from '../../../adapters/discord/pack.js';

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
