import { describe, expect, it } from 'vitest';
import { fitText } from '../../../adapters/slack/fit-text.js';

describe('fitText', () => {
  it('returns text within the limit unchanged', () => {
    expect(fitText('example.com', 11)).toBe('example.com');
  });

  it('cuts to exactly the limit, ending in an ellipsis', () => {
    const cut = fitText('x'.repeat(200), 150);
    expect(cut).toHaveLength(150);
    expect(cut.endsWith('…')).toBe(true);
  });

  it('never leaves half an entity behind', () => {
    expect(fitText('abc &amp; def', 7)).toBe('abc …');
    expect(fitText('abc &amp; def', 11)).toBe('abc &amp; …');
  });

  it('never leaves half a surrogate pair behind', () => {
    expect(fitText('ab😀cd', 4)).toBe('ab…');
  });
});
