import { describe, expect, it } from 'vitest';
import { statusMark, toneColour } from '../../../adapters/console/palette.js';

describe('console palette', () => {
  it('marks each digest line state with one character in its verdict’s colour', () => {
    expect(statusMark('enforced')).toEqual(['✓', 'green']);
    expect(statusMark('testing')).toEqual(['i', 'blue']);
    expect(statusMark('none')).toEqual(['·', 'grey']);
    expect(statusMark('not-configured')).toEqual(['·', 'grey']);
    expect(statusMark('broken')).toEqual(['✗', 'yellow']);
    expect(statusMark('timed-out')).toEqual(['?', 'yellow']);
    expect(statusMark('failed')).toEqual(['?', 'yellow']);
  });

  it('colours a warning amber, as the chat platforms do', () => {
    expect(toneColour('warning')).toBe('yellow');
  });
});
