import { describe, expect, it } from 'vitest';
import { fitText } from '../../../adapters/shared/fit-text.js';

describe('fitText', () => {
  it('returns text within the limit unchanged, whatever it ends in', () => {
    expect(fitText('a &amp', 6, 'entities')).toBe('a &amp');
    expect(fitText('a\\', 2, 'backslashes')).toBe('a\\');
  });

  it('cuts to exactly the limit, ending in an ellipsis', () => {
    expect(fitText('abcdef', 4, 'none')).toBe('abc…');
  });

  it('never leaves half a surrogate pair behind', () => {
    expect(fitText('ab😀cd', 4, 'none')).toBe('ab…');
    expect(fitText('ab😀cd', 4, 'entities')).toBe('ab…');
    expect(fitText('ab😀cd', 4, 'backslashes')).toBe('ab…');
  });

  it('never leaves half an entity behind in mrkdwn', () => {
    expect(fitText('abc &amp; def', 7, 'entities')).toBe('abc …');
    expect(fitText('abc &amp; def', 11, 'entities')).toBe('abc &amp; …');
  });

  it('never leaves a lone backslash to escape the ellipsis in Discord markdown, but keeps an escaped one', () => {
    expect(fitText('ab\\*cd', 4, 'backslashes')).toBe('ab…');
    expect(fitText('a\\\\bcd', 4, 'backslashes')).toBe('a\\\\…');
  });

  it('drops an escape bared by dropping half a pair, and keeps a whole pair before a cut escape', () => {
    expect(fitText('x😀&amp;', 5, 'entities')).toBe('x😀…');
    expect(fitText('x😀\\*y', 5, 'backslashes')).toBe('x😀…');
    expect(fitText('x\\😀y', 4, 'backslashes')).toBe('x…');
  });

  it('keeps what the other platform would cut, as it means nothing there', () => {
    expect(fitText('abc &amp; def', 7, 'backslashes')).toBe('abc &a…');
    expect(fitText('ab\\*cd', 4, 'entities')).toBe('ab\\…');
  });
});
