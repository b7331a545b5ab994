import { describe, expect, it } from 'vitest';
import { chunkCode } from '../../../adapters/shared/chunk-code.js';

describe('chunkCode', () => {
  it('packs whole lines into chunks no longer than the limit', () => {
    expect(chunkCode('aaaa\nbbbb\ncc\nd', 9, 'none')).toEqual(['aaaa\nbbbb', 'cc\nd']);
  });

  it('drops trailing newlines, so no fence ends on a blank line', () => {
    expect(chunkCode('v=STSv1; id=1;\n\n', 100, 'none')).toEqual(['v=STSv1; id=1;']);
  });

  it('gives a blank block one space, as an empty fence does not render', () => {
    expect(chunkCode('', 10, 'none')).toEqual([' ']);
  });

  it('splits an over-long line without cutting an entity in half', () => {
    const chunks = chunkCode('abcdefg&amp;hij', 10, 'entities');
    expect(chunks).toEqual(['abcdefg', '&amp;hij']);
  });

  it('splits an over-long line without cutting a surrogate pair in half', () => {
    expect(chunkCode('abcd😀ef', 5, 'none')).toEqual(['abcd', '😀ef']);
  });

  it('keeps a backslash escape whole where the text has them', () => {
    expect(chunkCode('abc\\*def', 4, 'backslashes')).toEqual(['abc', '\\*de', 'f']);
  });

  it('moves on when a piece is nothing but a cut escape', () => {
    expect(chunkCode('&amp;&amp;', 3, 'entities')).toEqual(['&am', 'p;', '&am', 'p;']);
  });
});
