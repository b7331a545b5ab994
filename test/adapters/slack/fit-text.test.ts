import { describe, expect, it } from 'vitest';
import { fitText } from '../../../adapters/slack/fit-text.js';

// The cutting itself is tested in test/adapters/shared/fit-text.test.ts; here, that Slack's entities stay whole.
describe('fitText (Slack)', () => {
  it('returns text within the limit unchanged', () => {
    expect(fitText('example.com', 11)).toBe('example.com');
  });

  it('never leaves half an entity behind, but keeps a backslash (mrkdwn has no backslash escapes)', () => {
    expect(fitText('abc &amp; def', 7)).toBe('abc …');
    expect(fitText('ab\\*cd', 4)).toBe('ab\\…');
  });
});
