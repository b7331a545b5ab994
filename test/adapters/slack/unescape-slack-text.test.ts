import { describe, expect, it } from 'vitest';
import { unescapeSlackText } from '../../../adapters/slack/unescape-slack-text.js';

describe('unescapeSlackText', () => {
  it('decodes the three entities Slack encodes in command text', () => {
    expect(unescapeSlackText('a &amp; b &lt;c&gt;')).toBe('a & b <c>');
  });

  it('decodes &amp; last, so a typed "&lt;" stays "&lt;" and does not become "<"', () => {
    expect(unescapeSlackText('&amp;lt;')).toBe('&lt;');
  });
});
