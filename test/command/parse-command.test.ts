import { describe, expect, it } from 'vitest';
import { MAX_COMMAND_LENGTH, parseCommand } from '../../src/command/parse-command.js';

describe('parseCommand', () => {
  it('reads a bare domain as a scan of its normalised form', () => {
    expect(parseCommand('  Example.COM. ')).toEqual({ kind: 'scan', domain: 'example.com' });
  });

  it.each(['', '   ', 'help', 'HELP', '--help', '?'])('shows help for %j', (text) => {
    expect(parseCommand(text)).toEqual({ kind: 'help' });
  });

  it('unwraps Slack auto-links, preferring the label the user typed', () => {
    expect(parseCommand('<http://example.com|example.com>')).toEqual({ kind: 'scan', domain: 'example.com' });
    expect(parseCommand('<https://www.example.org/path?q=1>')).toEqual({ kind: 'scan', domain: 'www.example.org' });
    expect(parseCommand('<mailto:postmaster@example.net|postmaster@example.net>')).toEqual({
      kind: 'scan',
      domain: 'example.net',
    });
  });

  it('takes the host of a URL and the domain of an e-mail address', () => {
    expect(parseCommand('https://mail.example.com:8443/x')).toEqual({ kind: 'scan', domain: 'mail.example.com' });
    expect(parseCommand('admin@example.com')).toEqual({ kind: 'scan', domain: 'example.com' });
  });

  it('converts an internationalised name to its A-label', () => {
    expect(parseCommand('bücher.example')).toEqual({ kind: 'scan', domain: 'xn--bcher-kva.example' });
  });

  it('decodes the &amp; &lt; &gt; entities Slack sends, so an encoded "<" is refused as the character it is', () => {
    const parsed = parseCommand('exa&lt;mple.com');
    expect(parsed.kind).toBe('invalid');
    expect(parsed.kind === 'invalid' && parsed.reason).toContain('<');
  });

  it('decodes &amp; last, so a typed "&lt;" stays literal text rather than becoming "<"', () => {
    const parsed = parseCommand('a&amp;lt;b.com');
    expect(parsed.kind === 'invalid' && parsed.reason).toContain('&');
  });

  it('refuses more than one word', () => {
    expect(parseCommand('example.com example.org')).toEqual({ kind: 'invalid', reason: 'give exactly one domain' });
  });

  it.each([
    ['an IP address', '192.0.2.1'],
    ['a single label', 'localhost'],
    ['an empty label', 'example..com'],
    ['a mention', '<@U123ABC>'],
    ['garbage', '$(rm -rf /)'],
    ['a label over 63 octets', `${'a'.repeat(64)}.example`],
  ])('refuses %s with the normaliser’s reason', (_what, text) => {
    const parsed = parseCommand(text);
    expect(parsed.kind).toBe('invalid');
    expect(parsed.kind === 'invalid' && parsed.reason.length).toBeGreaterThan(5);
  });

  it('refuses overly long input before any parsing work', () => {
    expect(parseCommand('a'.repeat(MAX_COMMAND_LENGTH + 1))).toEqual({
      kind: 'invalid',
      reason: 'the text is far too long for a domain name',
    });
  });

  it('still accepts a maximal domain wrapped in a Slack link', () => {
    const domain = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.com`;
    expect(domain.length).toBe(253);
    expect(parseCommand(`<http://${domain}|${domain}>`)).toEqual({ kind: 'scan', domain });
  });
});
