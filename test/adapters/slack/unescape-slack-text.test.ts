import { describe, expect, it } from 'vitest';
import { unescapeSlackText } from '../../../adapters/slack/unescape-slack-text.js';

describe('unescapeSlackText', () => {
  it('decodes the three entities Slack encodes in command text', () => {
    expect(unescapeSlackText('a &amp; b &lt;c&gt;')).toBe('a & b <c>');
  });

  it('decodes &amp; last, so a typed "&lt;" stays "&lt;" and does not become "<"', () => {
    expect(unescapeSlackText('&amp;lt;')).toBe('&lt;');
  });

  it('unwraps Slack auto-links, preferring the label the user typed', () => {
    expect(unescapeSlackText('<http://example.com|example.com>')).toBe('example.com');
    expect(unescapeSlackText('<https://www.example.org/path?q=1>')).toBe('https://www.example.org/path?q=1');
    expect(unescapeSlackText('<mailto:postmaster@example.net|postmaster@example.net>')).toBe('postmaster@example.net');
  });

  it('unwraps a maximal domain in a Slack link', () => {
    const domain = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.com`;
    expect(unescapeSlackText(`<http://${domain}|${domain}>`)).toBe(domain);
  });

  it('leaves a mention Slack sent as a mention form, for the core to refuse', () => {
    expect(unescapeSlackText('<@U123ABC>')).toBe('@U123ABC');
  });
});
